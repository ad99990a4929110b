package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover service add|list|fetch}. */
@Command(name = "service", mixinStandardHelpOptions = true, description = "Manage services (worker repositories).",
        subcommands = {ServiceCommand.Add.class, ServiceCommand.ListServices.class, ServiceCommand.Fetch.class,
            ServiceCommand.Deliveries.class})
public class ServiceCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a service (admin).")
    static class Add extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "Service name: lower-case letters, digits, '-'")
        String name;

        @Option(names = "--repo", required = true, paramLabel = "URL", description = "Git repository URL (no credentials in it)")
        String repo;

        @Option(names = "--branch", defaultValue = "main", description = "Branch to follow (default ${DEFAULT-VALUE})")
        String branch;

        @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "File holding the webhook secret")
        Path webhookSecretFile;

        @Option(names = "--credentials", paramLabel = "SECRET",
                description = "Name of a controller-side secret to fetch with (a token, or user:token)")
        String credentials;

        @Option(names = "--reason", description = "Why (kept in the audit log)")
        String reason;

        @Override
        int run(ApiClient client, PrintWriter out) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("repo", repo);
            body.put("branch", branch);
            body.put("webhookSecret", webhookSecretFile == null ? null : readSecret(webhookSecretFile));
            body.put("credentials", credentials);
            body.put("reason", reason);
            JsonNode added = client.post("api/v1/services", body, reason);
            if (!printedAsJson(out, added)) {
                out.println("Added service '" + name + "' following " + branch + " of " + repo
                        + (webhookSecretFile == null ? " (no webhook secret: commits come in by polling only)" : "."));
            }
            return ExitCodes.OK;
        }

        private static String readSecret(Path file) {
            try {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (secret.isEmpty()) {
                    throw new CliFailure(ExitCodes.USAGE, "webhook secret file " + file + " is empty");
                }
                return secret;
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.USAGE, "cannot read webhook secret file " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List services with their newest commit.")
    static class ListServices extends ApiCommand {
        @Override
        int run(ApiClient client, PrintWriter out) {
            JsonNode services = client.get("api/v1/services");
            if (!printedAsJson(out, services)) {
                printServices(out, services);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, description = "Fetch a service's branch now (deployer).")
    static class Fetch extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(ApiClient client, PrintWriter out) {
            JsonNode result = client.post("api/v1/services/" + name + "/fetch", Map.of(), null);
            if (!printedAsJson(out, result)) {
                out.println(name + ": " + result.path("result").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "deliveries", mixinStandardHelpOptions = true,
            description = "Webhook deliveries to a service, newest first, with what became of each.")
    static class Deliveries extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        int run(ApiClient client, PrintWriter out) {
            JsonNode deliveries = client.get("api/v1/services/" + name + "/deliveries?limit=" + limit);
            if (!printedAsJson(out, deliveries)) {
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode d : deliveries) {
                    rows.add(List.of(Output.age(d.path("receivedAt").asText()), Output.text(d, "provider"),
                            Output.text(d, "outcome") + " " + Output.text(d, "status"), Output.text(d, "ref"),
                            Output.text(d, "reason")));
                }
                Output.table(out, List.of("AGE", "HOOK", "OUTCOME", "REF", "REASON"), rows);
            }
            return ExitCodes.OK;
        }
    }

    /** The services table: name, branch, newest commit and its status, and a fetch error if any. */
    static void printServices(PrintWriter out, JsonNode services) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode s : services) {
            JsonNode newest = s.path("newestCommit");
            String error = s.path("mirror").path("lastError").asText("");
            JsonNode build = s.path("activeBuild");
            String status = build.isMissingNode() || build.isNull() ? Output.text(newest, "status")
                    : build.path("status").asText() + " " + Output.shortSha(build.path("commit").asText()) + " ("
                    + Output.age(build.path("startedAt").asText()) + ")";
            rows.add(List.of(Output.text(s, "name"), Output.text(s, "branch"),
                    newest.isMissingNode() || newest.isNull() ? "-" : Output.shortSha(newest.path("sha").asText()),
                    status,
                    newest.isMissingNode() || newest.isNull() ? "-" : Output.age(newest.path("committedAt").asText()),
                    error.isEmpty() ? Output.text(newest, "subject") : "fetch failed: " + error));
        }
        Output.table(out, List.of("SERVICE", "BRANCH", "NEWEST", "STATUS", "AGE", "SUBJECT"), rows);
    }
}
