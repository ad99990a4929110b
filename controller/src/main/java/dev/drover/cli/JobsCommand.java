package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover jobs SERVICE [--summary]}. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List a service's jobs, newest first; --summary for counts, failure rates, quantiles and cost.")
public class JobsCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = "--summary", description = "Counts, failure rates by class, duration and memory quantiles, cost")
    boolean summary;

    @Option(names = "--hours", defaultValue = "24", description = "With --summary: over the last N hours (default ${DEFAULT-VALUE})")
    int hours;

    @Option(names = "--status", description = "Only jobs with this status (queued, running, succeeded, failed, cancelled)")
    String status;

    @Option(names = "--limit", defaultValue = "30", description = "At most this many (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    int run(ApiClient client, PrintWriter out) {
        if (summary) {
            JsonNode s = client.get("api/v1/services/" + service + "/jobs/summary?hours=" + hours);
            if (!printedAsJson(out, s)) {
                JobSummaryPrinter.print(out, s, hours);
            }
            return ExitCodes.OK;
        }
        JsonNode jobs = client.get("api/v1/services/" + service + "/jobs?limit=" + limit
                + (status == null ? "" : "&status=" + status));
        if (!printedAsJson(out, jobs)) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode j : jobs) {
                rows.add(List.of(Output.text(j, "id"), Output.text(j, "status"), Output.text(j, "tier"),
                        Output.text(j, "revision"), Output.text(j, "arm") + (j.path("replayOf").isTextual() ? " (replay)" : ""),
                        Output.text(j, "attempts"),
                        Output.age(j.path("submittedAt").asText()), j.path("reason").isNull() ? "" : j.path("reason").asText()));
            }
            Output.table(out, List.of("JOB", "STATUS", "TIER", "REV", "ARM", "TRIES", "AGE", "REASON"), rows);
        }
        return ExitCodes.OK;
    }
}
