package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drover cancel JOB}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a job: a queued one at once, a running one when its agent next checks in.")
public class CancelCommand extends ApiCommand {
    @Parameters(paramLabel = "JOB")
    String job;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode cancelled = client.post("api/v1/jobs/" + job + "/cancel", Map.of(), null);
        if (!printedAsJson(out, cancelled)) {
            out.println(job + ": " + cancelled.path("status").asText()
                    + ("running".equals(cancelled.path("status").asText()) ? " (its agent stops it at its next heartbeat)" : ""));
        }
        return ExitCodes.OK;
    }
}
