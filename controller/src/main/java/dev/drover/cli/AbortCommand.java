package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover abort SERVICE --reason R}. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Stop the rollout in flight (or the queued ones) and return its tiers to their stable revisions.")
public class AbortCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--reason", required = true, description = "Why (audit log, notifications)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode rollouts = client.post("api/v1/services/" + service + "/abort", Map.of("reason", reason), reason);
        if (!printedAsJson(out, rollouts)) {
            for (JsonNode r : rollouts) {
                if ("aborted".equals(r.path("state").asText())) {
                    out.println(RolloutText.line(r));
                }
            }
        }
        return ExitCodes.OK;
    }
}
