package dev.drover.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code drover plan} shows for a valid spec, as label/value pairs, table rows and sentences. */
public record Plan(ServiceSpec spec) {
    public static final List<String> TIER_HEADER = List.of("NAME", "TARGET", "WEIGHT", "SHARE%", "GPUS");
    public static final List<String> STAGE_HEADER = List.of("#", "TIERS", "BAKE", "MIN-JOBS", "SPLIT", "DEADLINE");

    /** The service, build, test and job definition, one {label, value} pair per line. */
    public List<String[]> summary() {
        JobSpec job = spec.job();
        List<String[]> lines = new ArrayList<>();
        lines.add(pair("Service", spec.service()));
        lines.add(pair("Build", spec.build().dockerfile() + " (context " + spec.build().context() + ")"));
        lines.add(pair("Test", spec.test().map(t -> command(t.command()) + " (timeout " + Durations.format(t.timeout()) + ")")
                .orElse("none")));
        lines.add(pair("Command", command(job.command())));
        lines.add(pair("vCPUs", Gate.number(job.vcpus())));
        lines.add(pair("Memory", job.memory().format()));
        lines.add(pair("Shm", job.shm().format()));
        lines.add(pair("Timeout", Durations.format(job.timeout())));
        lines.add(pair("Retries", "infra " + job.retries().infra() + ", code " + job.retries().code()));
        lines.add(pair("GPU", job.gpu().wireName() + ": " + job.gpu().meaning()));
        lines.add(pair("Env", entries(job.env(), "=")));
        lines.add(pair("Secrets", entries(job.secrets(), " from secret ")));
        lines.add(pair("Canary load", spec.canaryLoad().enabled()
                ? "replay the " + spec.canaryLoad().replayRecent() + " most recent jobs on both arms" : "off"));
        return lines;
    }

    /** NAME TARGET WEIGHT SHARE% GPUS, share being the tier's weight over all tiers' weights. */
    public List<List<String>> tierRows() {
        return spec.tiers().stream().map(t -> List.of(t.name(), t.target(), Gate.number(t.weight()),
                String.format("%.1f", 100 * spec.share(t)), Integer.toString(t.gpus()))).toList();
    }

    /** # TIERS BAKE MIN-JOBS SPLIT DEADLINE, stages numbered from 1. */
    public List<List<String>> stageRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec s = spec.stages().get(i);
            rows.add(List.of(Integer.toString(i + 1), String.join(", ", s.tiers()), Durations.format(s.bake()),
                    Integer.toString(s.minJobs()), Gate.number(s.split()), Durations.format(s.deadline())));
        }
        return rows;
    }

    /** Each gate in words, off ones included. */
    public List<String> gates() {
        return spec.gates().all().stream().map(Gate::describe).toList();
    }

    private static String[] pair(String label, String value) {
        return new String[] {label, value};
    }

    private static String command(List<String> args) {
        return args.stream().map(a -> a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" "));
    }

    private static String entries(Map<String, String> map, String separator) {
        return map.isEmpty() ? "none" : map.entrySet().stream().map(e -> e.getKey() + separator + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
