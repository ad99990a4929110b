package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code drover status}: the controller's version, database and health. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the controller's version, database and health, and who you are to it.")
public class StatusCommand extends ApiCommand {

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode status = client.get("api/v1/status");
        boolean healthy = status.path("health").asText().equals("UP");
        if (!printedAsJson(out, status)) {
            JsonNode caller = status.path("caller");
            Output.fields(out, List.of(
                    new String[] {"Controller", connection.server},
                    new String[] {"Version", Output.text(status, "version")},
                    new String[] {"Database", Output.text(status, "database")},
                    new String[] {"Health", Output.text(status, "health")},
                    new String[] {"You", Output.text(caller, "name") + " (" + Output.text(caller, "role") + ")"}));
            JsonNode services = client.get("api/v1/services");
            out.println();
            if (services.isEmpty()) {
                out.println("No services yet: add one with drover service add NAME --repo URL");
            } else {
                ServiceCommand.printServices(out, services);
            }
        }
        return healthy ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
