package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover build SERVICE --commit SHA}: build a commit even though newer ones exist. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a commit on request (e.g. one batched into a newer build, to find the culprit of a batch).")
public class BuildCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--commit", required = true, paramLabel = "SHA", description = "The commit (7 or more characters)")
    String commit;

    @Option(names = "--reason", description = "Why (kept in the audit log)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("commit", commit);
        body.put("reason", reason);
        JsonNode queued = client.post("api/v1/services/" + service + "/builds", body, reason);
        if (!printedAsJson(out, queued)) {
            out.println("Queued " + Output.shortSha(queued.path("commit").asText()) + " of " + service
                    + " to be built next; follow it with: drover logs build " + Output.shortSha(queued.path("commit").asText()));
        }
        return ExitCodes.OK;
    }
}
