package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover deploy SERVICE [--commit SHA | --revision N] [--force]}: requests a rollout. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Request a rollout of a green revision: the newest, one by number, or the one built from a commit.",
            "It queues behind a rollout in flight. Against a person's lock it is refused (exit 3) unless --force."})
public class DeployCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @ArgGroup(exclusive = true)
    Which which;

    static final class Which {
        @Option(names = "--revision", paramLabel = "N", description = "The revision by number")
        Integer revision;

        @Option(names = "--commit", paramLabel = "SHA", description = "The revision built from this commit (a prefix will do)")
        String commit;
    }

    @Option(names = "--force", description = "Deploy through a person's lock (audited)")
    boolean force;

    @Option(names = "--reason", description = "Why (kept in the audit log)")
    String reason;

    @Override
    int run(ApiClient client, PrintWriter out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", which == null ? null : which.revision);
        body.put("commit", which == null ? null : which.commit);
        body.put("reason", reason);
        body.put("force", force);
        JsonNode rollout = client.post("api/v1/services/" + service + "/deploy", body, reason);
        if (!printedAsJson(out, rollout)) {
            out.println(RolloutText.line(rollout));
        }
        return ExitCodes.OK;
    }
}
