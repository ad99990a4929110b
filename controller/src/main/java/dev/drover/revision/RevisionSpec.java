package dev.drover.revision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.drover.spec.CanaryLoadSpec;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.StageSpec;
import java.time.Duration;
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
 * @param stages  its rollout stages: they govern the rollout of the revision that follows it
 * @param gates   its gates: likewise, for the next rollout (policy comes from the stable side)
 * @param canaryLoad its replayed canary load: likewise, for the next rollout
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevisionSpec(List<String> command, Map<String, String> env, Map<String, String> secrets, double vcpus,
                           long memoryBytes, long shmBytes, long timeoutSeconds, int infraRetries, int codeRetries,
                           String gpuMode, boolean network, List<Tier> tiers, List<Stage> stages, GatesSpec gates,
                           CanaryLoadSpec canaryLoad) {

    /** A tier as a revision routes to it. */
    public record Tier(String name, String target, double weight, int gpus) {
    }

    /** A stage as a revision keeps it (durations in seconds). */
    public record Stage(List<String> tiers, long bakeSeconds, int minJobs, double split, long deadlineSeconds) {
        public Stage {
            tiers = List.copyOf(tiers);
        }

        public static Stage of(StageSpec spec) {
            return new Stage(spec.tiers(), spec.bake().toSeconds(), spec.minJobs(), spec.split(),
                    spec.deadline().toSeconds());
        }

        public StageSpec spec() {
            return new StageSpec(tiers, Duration.ofSeconds(bakeSeconds), minJobs, split, Duration.ofSeconds(deadlineSeconds));
        }
    }

    @JsonCreator
    public RevisionSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        secrets = Map.copyOf(secrets);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        stages = stages == null || stages.isEmpty() ? defaultStages(tiers) : List.copyOf(stages);
        gates = gates == null ? GatesSpec.DEFAULT : gates;
        canaryLoad = canaryLoad == null ? CanaryLoadSpec.OFF : canaryLoad;
    }

    /** A revision without replayed canary load. */
    public RevisionSpec(List<String> command, Map<String, String> env, Map<String, String> secrets, double vcpus,
                        long memoryBytes, long shmBytes, long timeoutSeconds, int infraRetries, int codeRetries,
                        String gpuMode, boolean network, List<Tier> tiers, List<Stage> stages, GatesSpec gates) {
        this(command, env, secrets, vcpus, memoryBytes, shmBytes, timeoutSeconds, infraRetries, codeRetries, gpuMode,
                network, tiers, stages, gates, null);
    }

    /** A revision without stages of its own (stored before stages were kept): every tier in one default stage. */
    public RevisionSpec(List<String> command, Map<String, String> env, Map<String, String> secrets, double vcpus,
                        long memoryBytes, long shmBytes, long timeoutSeconds, int infraRetries, int codeRetries,
                        String gpuMode, boolean network, List<Tier> tiers) {
        this(command, env, secrets, vcpus, memoryBytes, shmBytes, timeoutSeconds, infraRetries, codeRetries, gpuMode,
                network, tiers, null, null, null);
    }

    private static List<Stage> defaultStages(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            return List.of();
        }
        return List.of(Stage.of(new StageSpec(tiers.stream().map(Tier::name).toList(), StageSpec.DEFAULT_BAKE,
                StageSpec.DEFAULT_MIN_JOBS, StageSpec.DEFAULT_SPLIT, StageSpec.DEFAULT_DEADLINE)));
    }

    /** The stages as the spec types the rollout engine reads. */
    public List<StageSpec> stageSpecs() {
        return stages.stream().map(Stage::spec).toList();
    }

    public Optional<Tier> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static RevisionSpec of(ServiceSpec spec) {
        var job = spec.job();
        List<Tier> tiers = spec.tiers().stream().map(t -> new Tier(t.name(), t.target(), t.weight(), t.gpus())).toList();
        return new RevisionSpec(job.command(), job.env(), job.secrets(), job.vcpus(), job.memory().bytes(),
                job.shm().bytes(), job.timeout().toSeconds(), job.retries().infra(), job.retries().code(),
                job.gpu().wireName(), job.network(), tiers, spec.stages().stream().map(Stage::of).toList(), spec.gates(),
                spec.canaryLoad());
    }
}
