package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drover token create|list|revoke}: API tokens (admin). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens (admin).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public class TokenCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; its secret is printed once.")
    static class Create implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "Token name: lower-case letters, digits, '.', '_', '-'")
        String name;

        @Option(names = "--role", required = true, description = "viewer, deployer or admin")
        String role;

        @Option(names = "--reason", description = "Why (kept in the audit log)")
        String reason;

        @Override
        public Integer call() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("role", role);
            body.put("reason", reason);
            JsonNode created = connection.client().post("api/v1/tokens", body, reason);
            PrintWriter out = spec.commandLine().getOut();
            if (connection.output == Output.Format.json) {
                Output.json(out, created);
            } else {
                JsonNode token = created.path("token");
                out.println("Created token '" + Output.text(token, "name") + "' with role " + Output.text(token, "role")
                        + ". Its secret is shown this once; keep it safe:");
                out.println(created.path("secret").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static class ListTokens implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode tokens = connection.client().get("api/v1/tokens");
            PrintWriter out = spec.commandLine().getOut();
            if (connection.output == Output.Format.json) {
                Output.json(out, tokens);
                return ExitCodes.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode t : tokens) {
                rows.add(List.of(Output.text(t, "name"), Output.text(t, "role"), Output.text(t, "origin"),
                        Output.text(t, "createdAt"), Output.text(t, "createdBy"), Output.text(t, "revokedAt")));
            }
            Output.table(out, List.of("NAME", "ROLE", "ORIGIN", "CREATED", "BY", "REVOKED"), rows);
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it stops working at once.")
    static class Revoke implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            connection.client().delete("api/v1/tokens/" + name);
            spec.commandLine().getOut().println("Revoked token '" + name + "'.");
            return ExitCodes.OK;
        }
    }
}
