package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover revisions SERVICE}: revisions, newest first. */
@Command(name = "revisions", mixinStandardHelpOptions = true,
        description = "List a service's revisions, newest first, with commit, image digest and age.")
public class RevisionsCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode revisions = client.get("api/v1/services/" + service + "/revisions?limit=" + limit);
        if (!printedAsJson(out, revisions)) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : revisions) {
                rows.add(List.of(Output.text(r, "number"), Output.shortSha(r.path("commit").asText()),
                        Output.age(r.path("createdAt").asText()), Output.text(r, "imageRef")));
            }
            Output.table(out, List.of("REVISION", "COMMIT", "AGE", "IMAGE"), rows);
        }
        return ExitCodes.OK;
    }
}
