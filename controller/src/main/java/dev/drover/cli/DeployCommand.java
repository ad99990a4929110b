package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover deploy SERVICE --revision N}: every tier on revision N (rollouts come with the rollout engine). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Put every tier of a service on revision N as its stable revision.")
public class DeployCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--revision", required = true, paramLabel = "N")
    int revision;

    @Option(names = "--reason", description = "Why (kept in the audit log)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", revision);
        body.put("reason", reason);
        JsonNode tiers = client.post("api/v1/services/" + service + "/deploy", body, reason);
        if (!printedAsJson(out, tiers)) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode t : tiers) {
                rows.add(List.of(Output.text(t, "tier"), Output.text(t, "stable"), Output.text(t, "candidate")));
            }
            Output.table(out, List.of("TIER", "STABLE", "CANDIDATE"), rows);
        }
        return ExitCodes.OK;
    }
}
