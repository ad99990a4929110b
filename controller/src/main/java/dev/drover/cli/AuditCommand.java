package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover audit}: the audit log, newest first. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit log, newest first: who did what, when, why, and how it ended.")
public class AuditCommand extends ApiCommand {
    @Option(names = "--limit", defaultValue = "50", description = "At most this many entries (default ${DEFAULT-VALUE}, max 1000)")
    int limit;

    @Option(names = "--before", paramLabel = "ID", description = "Only entries older than this id (to page back)")
    Long before;

    @Option(names = "--actor", description = "Only this actor (token name, or 'anonymous')")
    String actor;

    @Option(names = "--action", description = "Only this action, e.g. token.create")
    String action;

    @Override
    int run(ApiClient client, PrintWriter out) {
        StringBuilder path = new StringBuilder("api/v1/audit?limit=").append(limit);
        if (before != null) {
            path.append("&before=").append(before);
        }
        if (actor != null) {
            path.append("&actor=").append(URLEncoder.encode(actor, StandardCharsets.UTF_8));
        }
        if (action != null) {
            path.append("&action=").append(URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        JsonNode events = client.get(path.toString());
        if (printedAsJson(out, events)) {
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode e : events) {
            String why = e.path("detail").isNull() || e.path("detail").isMissingNode()
                    ? Output.text(e, "reason") : Output.text(e, "detail");
            rows.add(List.of(Output.text(e, "id"), Output.text(e, "at"), Output.text(e, "actor"),
                    Output.text(e, "action"), Output.text(e, "target"),
                    Output.text(e, "outcome") + " " + Output.text(e, "status"), why));
        }
        Output.table(out, List.of("ID", "AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "REASON/DETAIL"), rows);
        return ExitCodes.OK;
    }
}
