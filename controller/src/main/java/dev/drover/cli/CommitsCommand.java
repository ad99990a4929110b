package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover commits SERVICE}: the commit queue, newest first. */
@Command(name = "commits", mixinStandardHelpOptions = true,
        description = "List a service's recorded commits, newest first, with status, author, message and age.")
public class CommitsCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    int run(ApiClient client, PrintWriter out) {
        JsonNode commits = client.get("api/v1/services/" + service + "/commits?limit=" + limit);
        if (printedAsJson(out, commits)) {
            return ExitCodes.OK;
        }
        JsonNode rewrites = client.get("api/v1/services/" + service + "/rewrites?limit=3");
        for (JsonNode r : rewrites) {
            out.println("! history rewritten " + Output.age(r.path("detectedAt").asText()) + " ago: "
                    + Output.shortSha(r.path("oldHead").asText()) + " is no longer on the branch (now "
                    + Output.shortSha(r.path("newHead").asText()) + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode c : commits) {
            rows.add(List.of(Output.shortSha(c.path("sha").asText()), Output.text(c, "status"), Output.text(c, "author"),
                    Output.age(c.path("committedAt").asText()), Output.text(c, "subject")));
            if ("invalid".equals(c.path("status").asText()) && problems.isEmpty()) {
                problems.add(Output.shortSha(c.path("sha").asText()) + " is invalid:\n  "
                        + c.path("statusDetail").asText().replace("\n", "\n  "));
            }
        }
        Output.table(out, List.of("COMMIT", "STATUS", "AUTHOR", "AGE", "MESSAGE"), rows);
        problems.forEach(out::println);
        return ExitCodes.OK;
    }
}
