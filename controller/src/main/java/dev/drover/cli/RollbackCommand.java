package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover rollback SERVICE [--to N] [--tier T] [--cancel-running] --reason R}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Put every tier (or one) back on a good revision at once, with no analysis, and lock the service.",
            "Default target: during a rollout its stable revision, otherwise the revision stable before the current one."})
public class RollbackCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--to", paramLabel = "REVISION", description = "The revision to go back to")
    Integer to;

    @Option(names = "--tier", paramLabel = "T", description = "Only this tier (outside a rollout)")
    String tier;

    @Option(names = "--cancel-running", description = "Cancel the rolled-back revision's running jobs too")
    boolean cancelRunning;

    @Option(names = "--reason", required = true, description = "Why (audit log, notifications)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("tier", tier);
        body.put("cancelRunning", cancelRunning);
        body.put("reason", reason);
        JsonNode lock = client.post("api/v1/services/" + service + "/rollback", body, reason);
        if (!printedAsJson(out, lock)) {
            for (JsonNode t : client.get("api/v1/services/" + service + "/tiers")) {
                out.println(t.path("tier").asText() + ": revision " + t.path("stable").asText());
            }
            out.println(service + " is " + RolloutText.lock(lock) + " (drover unlock or deploy clears it)");
        }
        return ExitCodes.OK;
    }
}
