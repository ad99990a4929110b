package dev.drover.spec.yaml;

import dev.drover.spec.yaml.DroverYamlTest.Invalid;
import java.util.List;

/** The table of invalid files {@link DroverYamlTest} runs: each row a whole file, where its error is and what it says. */
final class InvalidFiles {
    /** A valid file of four lines; rows that add a fifth line are {@code BASE + "..."}. */
    private static final String BASE = """
            service: s
            job: { command: [run] }
            tiers: [{ name: a, target: t, weight: 1 }]
            stages: [{ tiers: [a] }]
            """;

    private InvalidFiles() {
    }

    /** A valid file whose job is written as a block; {@code line} is its line 4. */
    private static String withJobLine(String line) {
        return """
                service: s
                job:
                  command: [run]
                %s
                tiers: [{ name: a, target: t, weight: 1 }]
                stages: [{ tiers: [a] }]
                """.formatted(line);
    }

    static List<Invalid> all() {
        return List.of(
                // The file as a whole.
                row("empty file", "", 1, 1, "the file is empty"),
                row("only comments", "# nothing yet\n", 1, 1, "the file is empty"),
                row("YAML syntax error", "service: s\njob: x: y\n", 2, 7, "not valid YAML: mapping values are not allowed here"),
                row("tab indentation", "service: s\njob:\n\tcommand: [run]\n", 3, 1, "found character '\\t(TAB)'"),
                row("two documents", "service: s\n---\nservice: t\n", 2, 1, "expected a single document"),
                row("not a mapping", "- service\n- job\n", 1, 1, "expected a mapping with at least service, job, tiers and stages, got a list"),
                row("too large", "# " + "x".repeat(300 * 1024) + "\n", 1, 1, "a drover.yaml may be at most 256 KiB"),
                row("alias bomb", aliasBomb(), 1, 1, "aliases"),
                // Keys.
                row("duplicate key", "service: s\n" + BASE, 2, 1, "duplicate key 'service' (first at line 1)"),
                row("unknown key, close to one", BASE + "gate: { manualApproval: true }\n", 5, 1,
                        "unknown key 'gate': did you mean 'gates'? allowed keys are service, build, test, job, tiers"),
                row("unknown key, nothing close", BASE + "owner: me\n", 5, 1,
                        "unknown key 'owner': allowed keys are service, build, test, job, tiers, stages, gates, canaryLoad"),
                row("unknown nested key", BASE.replace("[run] }", "[run], memroy: 1Gi }"), 2, 24,
                        "unknown key 'memroy' in job: did you mean 'memory'? allowed keys are command, vcpus, memory"),
                row("duplicate nested key", withJobLine("  command: [other]"), 4, 3,
                        "job: duplicate key 'command' (first at line 3)"),
                row("key that is a list", BASE + "[x]: y\n", 5, 1, "a key must be a plain word"),
                row("missing required key", BASE.replace("job: { command: [run] }\n", ""), 1, 1, "missing required key 'job'"),
                row("missing key in a tier", BASE.replace(", weight: 1", ""), 3, 9, "missing required key 'weight' in tiers[1]"),
                row("test without command", BASE + "test: { timeout: 5m }\n", 5, 7, "missing required key 'command' in test"),
                // Names, paths, types and ranges.
                row("service name", BASE.replace("service: s", "service: Thumbnailer"), 1, 10,
                        "service: expected a name like thumbnailer"),
                row("dockerfile absolute", BASE + "build: { dockerfile: /etc/Dockerfile }\n", 5, 22,
                        "build.dockerfile: expected a path relative to the repository root"),
                row("context outside the repository", BASE + "build: { context: ../other }\n", 5, 19,
                        "build.context: expected a path relative to the repository root, without .."),
                row("command not a list", BASE.replace("[run]", "run.sh"), 2, 17, "job.command: expected a list of strings"),
                row("empty command", BASE.replace("[run]", "[]"), 2, 17, "job.command: expected at least one string"),
                row("vcpus not a number", BASE.replace("[run] }", "[run], vcpus: two }"), 2, 31,
                        "job.vcpus: expected a number, got 'two'"),
                row("vcpus zero", BASE.replace("[run] }", "[run], vcpus: 0 }"), 2, 31,
                        "job.vcpus: expected a number greater than 0, got 0"),
                row("memory without a unit", withJobLine("  memory: 512"), 4, 11, "job.memory: expected a size like 512Mi or 2Gi, got 512"),
                row("shm not a size", withJobLine("  shm: lots"), 4, 8, "job.shm: expected a size like 512Mi or 2Gi, got 'lots'"),
                row("timeout in words", withJobLine("  timeout: 10 minutes"), 4, 12,
                        "job.timeout: expected a duration like 10m, 2h or 1h30m"),
                row("timeout without a unit", withJobLine("  timeout: 600"), 4, 12, "(a duration needs a unit)"),
                row("negative retries", withJobLine("  retries: { infra: -1 }"), 4, 21,
                        "job.retries.infra: expected a whole number >= 0, got -1"),
                row("fractional retries", withJobLine("  retries: { code: 1.5 }"), 4, 20,
                        "job.retries.code: expected a whole number, got 1.5"),
                row("reserved env name", withJobLine("  env: { DROVER_TOKEN: x }"), 4, 10, "DROVER_TOKEN is reserved"),
                row("bad env name", withJobLine("  env: { 1X: a }"), 4, 10, "expected an environment variable name"),
                row("env value a list", withJobLine("  env: { A: [1] }"), 4, 13, "job.env.A: expected a string, got a list"),
                row("bad secret name", withJobLine("  secrets: { API_KEY: ../etc/passwd }"), 4, 23,
                        "job.secrets.API_KEY: expected a secret name like thumbnailer/api-key"),
                row("secret also in env", withJobLine("  env: { API_KEY: x }\n  secrets: { API_KEY: a/b }"), 5, 14,
                        "API_KEY is also set in job.env"),
                row("unknown gpu mode", withJobLine("  gpu: always"), 4, 8,
                        "job.gpu: expected one of optional, required, per-job, got 'always'"),
                // Tiers and stages.
                row("no tiers", BASE.replace("[{ name: a, target: t, weight: 1 }]", "[]"), 3, 8,
                        "tiers: expected at least one tier", 2),
                row("tiers not a list", BASE.replace("[{ name: a, target: t, weight: 1 }]", "{ name: a }"), 3, 8,
                        "tiers: expected a list of tiers", 2),
                row("bad tier name", BASE.replace("name: a", "name: A_1").replace("[a]", "[A_1]"), 3, 17,
                        "tiers[1].name: expected a name like c1 or canary-gpu", 2),
                row("weight zero", BASE.replace("weight: 1", "weight: 0"), 3, 39,
                        "tiers[1].weight: expected a number greater than 0, got 0"),
                row("fractional gpus", BASE.replace("weight: 1", "weight: 1, gpus: 0.5"), 3, 48,
                        "tiers[1].gpus: expected a whole number, got 0.5"),
                row("duplicate tier name", """
                        service: s
                        job: { command: [run] }
                        tiers:
                          - { name: a, target: t, weight: 1 }
                          - { name: a, target: t, weight: 2 }
                        stages: [{ tiers: [a] }]
                        """, 5, 13, "duplicate tier name 'a' (first at line 4)"),
                row("stage names an unknown tier", """
                        service: s
                        job: { command: [run] }
                        tiers: [{ name: c1, target: t, weight: 1 }]
                        stages: [{ tiers: [c1] }, { tiers: [c2] }]
                        """, 4, 37, "unknown tier 'c2' in stage 2: did you mean 'c1'? the tiers are c1"),
                row("tier in two stages", """
                        service: s
                        job: { command: [run] }
                        tiers: [{ name: a, target: t, weight: 1 }, { name: b, target: t, weight: 1 }]
                        stages: [{ tiers: [a] }, { tiers: [a, b] }]
                        """, 4, 36, "tier 'a' is already in stage 1: a tier belongs to one stage"),
                row("tier in no stage", """
                        service: s
                        job: { command: [run] }
                        tiers: [{ name: a, target: t, weight: 1 }, { name: b, target: t, weight: 1 }]
                        stages: [{ tiers: [a] }]
                        """, 3, 44, "tier b is in no stage: add it to one, or remove it"),
                row("no stages", BASE.replace("[{ tiers: [a] }]", "[]"), 4, 9, "stages: expected at least one stage", 2),
                row("stage without tiers", BASE.replace("tiers: [a]", "bake: 5m"), 4, 10,
                        "missing required key 'tiers' in stages[1]", 2),
                row("stage with no tier names", BASE.replace("tiers: [a]", "tiers: []"), 4, 19,
                        "stages[1].tiers: expected at least one tier name", 2),
                row("split zero", BASE.replace("[a] }", "[a], split: 0 }"), 4, 31,
                        "stages[1].split: expected a number greater than 0 and at most 1"),
                row("split above one", BASE.replace("[a] }", "[a], split: 1.5 }"), 4, 31,
                        "stages[1].split: expected a number greater than 0 and at most 1"),
                row("minJobs zero", BASE.replace("[a] }", "[a], minJobs: 0 }"), 4, 33,
                        "stages[1].minJobs: expected a whole number >= 1, got 0"),
                row("bake not a duration", BASE.replace("[a] }", "[a], bake: soon }"), 4, 30,
                        "stages[1].bake: expected a duration like 10m, 2h or 1h30m, got 'soon'"),
                row("deadline before bake", BASE.replace("[a] }", "[a], bake: 2h, deadline: 1h }"), 4, 44,
                        "stages[1].deadline: 1h must be longer than the bake time, 2h"),
                row("bake past the default deadline", BASE.replace("[a] }", "[a], bake: 7h }"), 4, 30,
                        "stages[1].deadline: 6h must be longer than the bake time, 7h"),
                // The GPU routing ladder.
                row("per-job GPU jobs would skip a stage", """
                        service: s
                        job: { command: [run], gpu: per-job }
                        tiers: [{ name: g, target: t, weight: 1, gpus: 1 }, { name: c, target: t, weight: 1 }]
                        stages:
                          - { tiers: [g] }
                          - { tiers: [c] }
                        """, 6, 5, "stage 2 has no GPU tier: GPU jobs would skip phasing there"),
                row("required GPU on a CPU tier", """
                        service: s
                        job: { command: [run], gpu: required }
                        tiers: [{ name: g, target: t, weight: 1, gpus: 1 }, { name: c, target: t, weight: 1, gpus: 0 }]
                        stages: [{ tiers: [g, c] }]
                        """, 3, 92, "tier 'c' has no GPU, but job.gpu is required"),
                row("per-job with no GPU tier at all", BASE.replace("[run] }", "[run], gpu: per-job }"), 2, 29,
                        "job.gpu is per-job but no tier has a GPU"),
                // Gates and canary load.
                row("failure-rate gate turned off", BASE + "gates: { failureRate: { enabled: false } }\n", 5, 25,
                        "unknown key 'enabled' in gates.failureRate: allowed keys are tolerance, floor"
                                + " (the failure-rate gate is always on)"),
                row("failure floor of 1 or more", BASE + "gates: { failureRate: { floor: 1.5 } }\n", 5, 32,
                        "gates.failureRate.floor: expected a rate from 0 to below 1"),
                row("tolerance below 1", BASE + "gates: { memory: { tolerance: 0.9 } }\n", 5, 31,
                        "gates.memory.tolerance: expected a number >= 1"),
                row("quantile out of range", BASE + "gates: { duration: { quantiles: [0.5, 1.5] } }\n", 5, 39,
                        "gates.duration.quantiles: expected quantiles between 0 and 1"),
                row("no quantiles", BASE + "gates: { duration: { quantiles: [] } }\n", 5, 33,
                        "gates.duration.quantiles: expected at least one quantile"),
                row("manual approval not a boolean", BASE + "gates: { manualApproval: maybe }\n", 5, 26,
                        "gates.manualApproval: expected true or false, got 'maybe'"),
                row("enabled given as a string", BASE + "gates: { costPerJob: { enabled: \"no\" } }\n", 5, 33,
                        "gates.costPerJob.enabled: expected true or false, got 'no'"),
                row("negative replay", BASE + "canaryLoad: { replayRecent: -1 }\n", 5, 29,
                        "canaryLoad.replayRecent: expected a whole number >= 0, got -1"),
                // Against the controller's targets.
                against(DroverYamlTest.TARGETS, "unknown target", BASE.replace("target: t", "target: cpu-spto"), 3, 28,
                        "unknown target 'cpu-spto': the controller knows cpu-spot, gpu-spot (did you mean 'cpu-spot'?)"),
                against(DroverYamlTest.TARGETS, "more GPUs than the target's hosts",
                        BASE.replace("target: t, weight: 1", "target: gpu-spot, weight: 1, gpus: 2"), 3, 55,
                        "tier 'a' asks for 2 GPUs but target 'gpu-spot' has 1 per host"));
    }

    private static Invalid row(String why, String yaml, int line, int column, String message) {
        return row(why, yaml, line, column, message, 1);
    }

    private static Invalid row(String why, String yaml, int line, int column, String message, int errors) {
        return new Invalid(why, yaml, line, column, message, errors, null);
    }

    private static Invalid against(List<dev.drover.spec.KnownTarget> targets, String why, String yaml, int line,
            int column, String message) {
        return new Invalid(why, yaml, line, column, message, 1, targets);
    }

    /** Nested lists that would expand to 9^12 items if aliases were followed without a limit. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        return yaml.toString();
    }
}
