package dev.drover.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole {@code drover.yaml}: what to build and test, the job definition, the tiers jobs are routed
 * to, the stages a rollout walks, the gates that judge it and the optional canary load.
 * Only {@code dev.drover.spec.yaml.DroverYaml} makes these from a file, after checking every rule.
 */
public record ServiceSpec(
        String service,
        BuildSpec build,
        Optional<TestSpec> test,
        JobSpec job,
        List<TierSpec> tiers,
        List<StageSpec> stages,
        GatesSpec gates,
        CanaryLoadSpec canaryLoad) {

    public ServiceSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(job, "job");
        tiers = List.copyOf(tiers);
        stages = List.copyOf(stages);
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(canaryLoad, "canaryLoad");
    }

    public Optional<TierSpec> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The sum of all tiers' weights: a tier's share of the job stream is its weight over this. */
    public double totalWeight() {
        return tiers.stream().mapToDouble(TierSpec::weight).sum();
    }

    /** The fraction (0..1) of the service's jobs that the named tier receives. */
    public double share(TierSpec tier) {
        double total = totalWeight();
        return total <= 0 ? 0 : tier.weight() / total;
    }
}
