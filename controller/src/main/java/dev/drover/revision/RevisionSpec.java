package dev.drover.revision;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.drover.spec.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The job definition a revision freezes: everything needed to run one of its jobs, secrets by
 * reference only, and the tiers its jobs are routed to (policy comes from the stable side).
 *
 * @param secrets environment variable → controller-side secret name (resolved only when a job starts)
 * @param gpuMode {@code optional}, {@code required} or {@code per-job}
 * @param network whether job containers get a network
 * @param tiers   the tiers of its {@code drover.yaml}, in order, with their target, weight and GPUs per job
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevisionSpec(List<String> command, Map<String, String> env, Map<String, String> secrets, double vcpus,
                           long memoryBytes, long shmBytes, long timeoutSeconds, int infraRetries, int codeRetries,
                           String gpuMode, boolean network, List<Tier> tiers) {

    /** A tier as a revision routes to it. */
    public record Tier(String name, String target, double weight, int gpus) {
    }

    public RevisionSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        secrets = Map.copyOf(secrets);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static RevisionSpec of(ServiceSpec spec) {
        var job = spec.job();
        List<Tier> tiers = spec.tiers().stream().map(t -> new Tier(t.name(), t.target(), t.weight(), t.gpus())).toList();
        return new RevisionSpec(job.command(), job.env(), job.secrets(), job.vcpus(), job.memory().bytes(),
                job.shm().bytes(), job.timeout().toSeconds(), job.retries().infra(), job.retries().code(),
                job.gpu().wireName(), job.network(), tiers);
    }
}
