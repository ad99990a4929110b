package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover lock SERVICE --reason R}. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Lock a service: promotion of the rollout in flight pauses (judging and automatic rollback go on),",
            "queued rollouts wait, deploys are refused unless forced. Rollback and abort still go through."})
public class LockCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--reason", required = true, description = "Why (shown to whoever is refused)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode lock = client.post("api/v1/services/" + service + "/lock", Map.of("reason", reason), reason);
        if (!printedAsJson(out, lock)) {
            out.println(service + " is " + RolloutText.lock(lock));
        }
        return ExitCodes.OK;
    }
}
