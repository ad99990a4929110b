package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drover agents}, and {@code drover agent drain ID}. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "List agents: labels, GPUs, slots, health and current work.")
public class AgentsCommand extends ApiCommand {

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode agents = client.get("api/v1/agents");
        if (!printedAsJson(out, agents)) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode a : agents) {
                List<String> labels = new ArrayList<>();
                a.path("labels").fields().forEachRemaining(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
                rows.add(List.of(Output.text(a, "id"), Output.text(a, "name"), String.join(",", labels),
                        a.path("gpus").size() + "", a.path("running").asInt() + "/" + a.path("slots").asInt(),
                        a.path("draining").asBoolean() ? "draining" : Output.text(a, "health")));
            }
            Output.table(out, List.of("ID", "NAME", "LABELS", "GPUS", "RUNNING", "HEALTH"), rows);
        }
        return ExitCodes.OK;
    }

    /** {@code drover agent drain ID}. */
    @Command(name = "drain", mixinStandardHelpOptions = true, description = "Stop new work going to an agent (admin).")
    public static class Drain extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "The agent's id, e.g. a3 (drover agents)")
        String id;

        @Override
        int run(ApiClient client, PrintWriter out) {
            JsonNode agent = client.post("api/v1/agents/" + id + "/drain", Map.of(), null);
            if (!printedAsJson(out, agent)) {
                out.println("Agent " + id + " is draining: it takes no new work; its " + agent.path("running").asInt()
                        + " running attempt(s) finish.");
            }
            return ExitCodes.OK;
        }
    }
}
