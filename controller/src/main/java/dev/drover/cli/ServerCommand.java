package dev.drover.cli;

import dev.drover.server.ControllerServer;
import dev.drover.server.StartRefused;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drover server}: runs the controller until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the controller (HTTP API, dashboard, and the loops that drive rollouts).")
public class ServerCommand implements Callable<Integer> {
    /** Returned while the server runs on: main must not exit the JVM. */
    static final int RUNNING = -1;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file (see docs/configuration.md)")
    Path config;

    @Option(names = "--home", paramLabel = "DIR", description = "State folder (drover.home; default .drover)")
    Path home;

    @Option(names = "--host", description = "Address to listen on (drover.http.host; default localhost)")
    String host;

    @Option(names = "--port", description = "Port to listen on (drover.http.port; default 8080)")
    Integer port;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "Local admin token file, created when missing (drover.access.admin-token-file)")
    Path adminTokenFile;

    @Option(names = "--check", description = "Start the controller as configured (database, migrations, targets, "
            + "services), then stop it: exit 0 when it would run. Also how bin/drover-cds records the start-up classes")
    boolean check;

    @Override
    public Integer call() {
        if (config != null) {
            if (!Files.isReadable(config)) {
                throw new CliFailure(ExitCodes.USAGE, "config file " + config + " is not readable");
            }
            System.setProperty("micronaut.config.files", config.toAbsolutePath().toString());
        }
        Map<String, Object> properties = new HashMap<>();
        if (home != null) {
            properties.put("drover.home", home.toAbsolutePath().toString());
        }
        if (host != null) {
            properties.put("drover.http.host", host);
        }
        if (port != null) {
            properties.put("drover.http.port", port);
        }
        if (adminTokenFile != null) {
            properties.put("drover.access.admin-token-file", adminTokenFile.toAbsolutePath().toString());
        }
        io.micronaut.context.ApplicationContext context;
        try {
            context = ControllerServer.start(properties);
        } catch (StartRefused refused) {
            throw new CliFailure(ExitCodes.FAILURE, "the controller did not start: " + refused.getMessage());
        }
        if (check) {
            context.close();
            spec.commandLine().getOut().println("drover server: the controller starts with this configuration; stopped again (--check)");
            return 0;
        }
        return RUNNING;
    }
}
