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

/** {@code drover submit SERVICE [--param k=v ...] [--gpu] [--revision N] [--count N]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit jobs to a service; prints their ids at once (they run when an agent takes them).")
public class SubmitCommand extends ApiCommand {
    @Parameters(paramLabel = "SERVICE")
    String service;

    @Option(names = {"-p", "--param"}, paramLabel = "K=V", description = "A job parameter (an environment variable of the job)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--gpu", description = "The job needs a GPU (only GPU tiers take it)")
    boolean gpu;

    @Option(names = "--revision", paramLabel = "N", description = "Pin the job to revision N (outside any split and judging)")
    Integer revision;

    @Option(names = "--count", defaultValue = "1", description = "Submit this many identical jobs (default 1, max 1000)")
    int count;

    @Override
    int run(ApiClient client, PrintWriter out) {
        if (count < 1 || count > 1000) {
            throw new CliFailure(ExitCodes.USAGE, "--count must be between 1 and 1000");
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("params", params);
        job.put("gpu", gpu);
        job.put("revision", revision);
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(job);
        }
        JsonNode submitted = client.post("api/v1/services/" + service + "/jobs", Map.of("jobs", jobs), null);
        if (!printedAsJson(out, submitted)) {
            for (JsonNode j : submitted.path("jobs")) {
                String where = j.path("tier").isNull() ? "queued: " + j.path("reason").asText() : "tier " + j.path("tier").asText();
                out.println(j.path("id").asText() + "  " + where);
            }
        }
        return ExitCodes.OK;
    }
}
