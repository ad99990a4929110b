package dev.drover.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drover logs JOB} (a job's log) and {@code drover logs build|test COMMIT} (a commit's build or
 * test log, followed while it grows with {@code --follow}).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"drover logs JOB [--attempt N]: the whole log of a job's attempt (default the latest).",
            "drover logs build|test COMMIT [--follow]: the build or test log of a commit's newest build.",
            "With --output json: one document with the whole log (with --follow, once the build is done)."})
public class LogsCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "JOB|build|test")
    String part;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COMMIT", description = "The commit (7 or more characters)")
    String commit;

    @Option(names = "--attempt", paramLabel = "N", description = "With JOB: this attempt's log")
    Integer attempt;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the log grows, until the build is done")
    boolean follow;

    @Override
    int run(ApiClient client, PrintWriter out) {
        if (part.startsWith("j-") && commit == null) {
            String log = client.getText("api/v1/jobs/" + part + "/logs" + (attempt == null ? "" : "?attempt=" + attempt));
            if (!printedAsJson(out, JsonNodeFactory.instance.objectNode().put("job", part).put("attempt", attempt)
                    .put("log", log))) {
                out.print(log);
                out.flush();
            }
            return ExitCodes.OK;
        }
        if ((!part.equals("build") && !part.equals("test")) || commit == null) {
            throw new CliFailure(ExitCodes.USAGE, "use drover logs JOB (a job id, j-...) or drover logs build|test COMMIT");
        }
        String path = "api/v1/commits/" + commit;
        int printed = 0;
        boolean json = connection.output == Output.Format.json;
        while (true) {
            String text = client.getText(path + "/logs/" + part);
            if (!json) {
                out.print(text.substring(Math.min(printed, text.length())));
                out.flush();
            }
            printed = text.length();
            String status = client.get(path).path("build").path("status").asText("");
            if (!follow || status.equals("green") || status.equals("failed") || status.isEmpty()) {
                printedAsJson(out, JsonNodeFactory.instance.objectNode().put("commit", commit).put("part", part)
                        .put("status", status.isEmpty() ? null : status).put("log", text));
                return ExitCodes.OK;
            }
            Polling.pause(Duration.ofSeconds(1));
        }
    }
}
