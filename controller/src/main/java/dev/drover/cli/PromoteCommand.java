package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover promote SERVICE [--full]}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Pass the current stage (--full: every remaining stage) without waiting for the judge; audited as an override.")
public class PromoteCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--full", description = "Every remaining stage")
    boolean full;

    @Option(names = "--reason", description = "Why (audit log)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("full", full);
        body.put("reason", reason);
        JsonNode rollout = client.post("api/v1/services/" + service + "/promote", body, reason);
        if (!printedAsJson(out, rollout)) {
            out.println(RolloutText.line(rollout));
        }
        return ExitCodes.OK;
    }
}
