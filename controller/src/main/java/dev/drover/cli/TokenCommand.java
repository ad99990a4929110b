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

/** {@code drover token create|list|revoke}: API tokens (admin). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens (admin).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; its secret is printed once.")
    static class Create extends ApiCommand {
        @Option(names = "--name", required = true, description = "Token name: lower-case letters, digits, '.', '_', '-'")
        String name;

        @Option(names = "--role", required = true, description = "viewer, deployer, admin, or agent (a token for drover agent)")
        String role;

        @Option(names = "--target", description = "Agent tokens: bind it to this target; its agent then runs "
                + "that target's jobs only, whatever labels it reports")
        String target;

        @Option(names = "--reason", description = "Why (kept in the audit log)")
        String reason;

        @Override
        int run(ApiClient client, PrintWriter out) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("role", role);
            if (target != null) {
                body.put("target", target);
            }
            body.put("reason", reason);
            JsonNode created = client.post("api/v1/tokens", body, reason);
            if (!printedAsJson(out, created)) {
                JsonNode token = created.path("token");
                String bound = token.path("target").isTextual() ? " bound to target " + token.path("target").asText() : "";
                out.println("Created token '" + Output.text(token, "name") + "' with role " + Output.text(token, "role")
                        + bound + ". Its secret is shown this once; keep it safe:");
                out.println(created.path("secret").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static class ListTokens extends ApiCommand {
        @Override
        int run(ApiClient client, PrintWriter out) {
            JsonNode tokens = client.get("api/v1/tokens");
            if (!printedAsJson(out, tokens)) {
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode t : tokens) {
                    rows.add(List.of(Output.text(t, "name"), Output.text(t, "role"), Output.text(t, "origin"),
                            Output.text(t, "target"), Output.text(t, "createdAt"), Output.text(t, "createdBy"),
                            Output.text(t, "revokedAt")));
                }
                Output.table(out, List.of("NAME", "ROLE", "ORIGIN", "TARGET", "CREATED", "BY", "REVOKED"), rows);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it stops working at once.")
    static class Revoke extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--reason", description = "Why (kept in the audit log)")
        String reason;

        @Override
        int run(ApiClient client, PrintWriter out) {
            client.delete("api/v1/tokens/" + name, reason);
            out.println("Revoked token '" + name + "'.");
            return ExitCodes.OK;
        }
    }
}
