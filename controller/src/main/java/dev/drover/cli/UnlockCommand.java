package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drover unlock SERVICE}. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = "Clear a service's lock: a person's, or the one an automatic rollback left.")
public class UnlockCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode lock = client.post("api/v1/services/" + service + "/unlock", Map.of(), null);
        if (!printedAsJson(out, lock)) {
            out.println(service + " is " + RolloutText.lock(lock));
        }
        return ExitCodes.OK;
    }
}
