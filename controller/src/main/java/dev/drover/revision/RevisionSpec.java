package dev.drover.revision;

import dev.drover.spec.ServiceSpec;
import dev.drover.spec.TierSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job definition a revision freezes: everything needed to run one of its jobs, secrets by
 * reference only.
 *
 * @param secrets  environment variable → controller-side secret name (resolved only when a job starts)
 * @param gpuMode  {@code optional}, {@code required} or {@code per-job}
 * @param tierGpus per-tier override: GPUs a job gets on that tier
 */
public record RevisionSpec(List<String> command, Map<String, String> env, Map<String, String> secrets, double vcpus,
                           long memoryBytes, long shmBytes, long timeoutSeconds, int infraRetries, int codeRetries,
                           String gpuMode, Map<String, Integer> tierGpus) {

    public RevisionSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        secrets = Map.copyOf(secrets);
        tierGpus = Map.copyOf(tierGpus);
    }

    public static RevisionSpec of(ServiceSpec spec) {
        Map<String, Integer> tierGpus = new LinkedHashMap<>();
        for (TierSpec tier : spec.tiers()) {
            tierGpus.put(tier.name(), tier.gpus());
        }
        var job = spec.job();
        return new RevisionSpec(job.command(), job.env(), job.secrets(), job.vcpus(), job.memory().bytes(),
                job.shm().bytes(), job.timeout().toSeconds(), job.retries().infra(), job.retries().code(),
                job.gpu().wireName(), tierGpus);
    }
}
