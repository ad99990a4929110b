package dev.drover.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the controller is, who we are, and how to print: shared by every operator command. */
public class ConnectionOptions {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:DROVER_URL:-http://localhost:8080}",
            description = "Controller URL (env DROVER_URL; default ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DROVER_TOKEN}",
            description = "API token (env DROVER_TOKEN)")
    String token;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json")
    Output.Format output;

    public ApiClient client() {
        URI uri;
        try {
            uri = URI.create(server.endsWith("/") ? server : server + "/");
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, "--server '" + server + "' is not a URL, e.g. http://localhost:8080");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new CliFailure(ExitCodes.USAGE, "--server '" + server + "' must start with http:// or https://");
        }
        return new ApiClient(uri, token, output != Output.Format.json);
    }
}
