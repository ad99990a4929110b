package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drover status}: the controller's version, database and health. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the controller's version, database and health, and who you are to it.")
public class StatusCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode status = connection.client().get("api/v1/status");
        PrintWriter out = spec.commandLine().getOut();
        if (connection.output == Output.Format.json) {
            Output.json(out, status);
            return ExitCodes.OK;
        }
        JsonNode caller = status.path("caller");
        Output.fields(out, List.of(
                new String[] {"Controller", connection.server},
                new String[] {"Version", Output.text(status, "version")},
                new String[] {"Database", Output.text(status, "database")},
                new String[] {"Health", Output.text(status, "health")},
                new String[] {"You", Output.text(caller, "name") + " (" + Output.text(caller, "role") + ")"}));
        return status.path("health").asText().equals("UP") ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
