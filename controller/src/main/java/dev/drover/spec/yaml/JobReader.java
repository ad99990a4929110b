package dev.drover.spec.yaml;

import dev.drover.spec.GpuMode;
import dev.drover.spec.JobSpec;
import dev.drover.spec.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** {@code job:}: the job definition, with its env, secret references, retries and GPU mode. */
final class JobReader {
    static final List<String> KEYS =
            List.of("command", "vcpus", "memory", "shm", "timeout", "retries", "env", "secrets", "gpu", "network");
    private static final String AT_LEAST_ZERO = "a whole number >= 0";

    /** The job and, for the ladder check, where its {@code gpu} mode was written (if it was). */
    record Result(JobSpec spec, Optional<Node> gpuNode) {
    }

    private JobReader() {
    }

    static Result read(YamlMap top, Errors errors) {
        Optional<YamlMap> found = top.map("job", KEYS);
        if (found.isEmpty()) {
            return new Result(spec(List.of(), GpuMode.OPTIONAL), Optional.empty());
        }
        YamlMap job = found.get();
        job.require("command");
        List<String> command = job.strings("command");
        RetryPolicy retries = job.map("retries", List.of("infra", "code"))
                .map(r -> new RetryPolicy(r.integer("infra", 3, n -> n >= 0, AT_LEAST_ZERO),
                        r.integer("code", 0, n -> n >= 0, AT_LEAST_ZERO)))
                .orElse(RetryPolicy.DEFAULT);
        Map<String, String> env = variables(job, "env", v -> true, "a string", Map.of(), errors);
        Map<String, String> secrets = variables(job, "secrets", Names::isSecret, Names.SECRET_EXPECTED, env, errors);
        GpuMode gpu = job.text("gpu", m -> GpuMode.of(m).isPresent(), "one of " + String.join(", ", GpuMode.wireNames()))
                .flatMap(GpuMode::of).orElse(GpuMode.OPTIONAL);
        return new Result(new JobSpec(command,
                job.number("vcpus", JobSpec.DEFAULT_VCPUS, v -> v > 0, "a number greater than 0"),
                job.size("memory", JobSpec.DEFAULT_MEMORY),
                job.size("shm", JobSpec.DEFAULT_SHM),
                job.duration("timeout", JobSpec.DEFAULT_TIMEOUT, false),
                retries, env, secrets, gpu, job.bool("network", false)), job.node("gpu"));
    }

    private static JobSpec spec(List<String> command, GpuMode gpu) {
        return new JobSpec(command, JobSpec.DEFAULT_VCPUS, JobSpec.DEFAULT_MEMORY, JobSpec.DEFAULT_SHM,
                JobSpec.DEFAULT_TIMEOUT, RetryPolicy.DEFAULT, Map.of(), Map.of(), gpu, false);
    }

    /** A map from environment variable names (none of them in {@code env}) to text that must pass {@code valueOk}. */
    private static Map<String, String> variables(YamlMap job, String key, Predicate<String> valueOk,
            String valueExpected, Map<String, String> env, Errors errors) {
        Map<String, String> result = new LinkedHashMap<>();
        String path = job.path(key);
        job.node(key).flatMap(n -> YamlMap.of(n, path, null, "", errors)).ifPresent(map -> {
            for (Map.Entry<String, NodeTuple> entry : map.entries().entrySet()) {
                String name = entry.getKey();
                Node nameNode = entry.getValue().getKeyNode();
                Node valueNode = entry.getValue().getValueNode();
                if (!Names.ENV.matcher(name).matches()) {
                    errors.at(nameNode, path + ": expected " + Names.ENV_EXPECTED + ", got '" + name + "'");
                } else if (name.toUpperCase().startsWith(Names.RESERVED_PREFIX)) {
                    errors.at(nameNode, path + ": " + name + " is reserved: names starting with "
                            + Names.RESERVED_PREFIX + " are set by Drover");
                } else if (env.containsKey(name)) {
                    errors.at(nameNode, path + ": " + name + " is also set in job.env: keep one");
                }
                YamlValues.text(valueNode, path + "." + name, errors).ifPresent(value -> {
                    if (valueOk.test(value)) {
                        result.put(name, value);
                    } else {
                        errors.at(valueNode, path + "." + name + ": expected " + valueExpected + ", got '" + value + "'");
                    }
                });
            }
        });
        return result;
    }
}
