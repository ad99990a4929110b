package dev.drover.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which of a service's jobs need a GPU; it decides which tiers may run which jobs. */
public enum GpuMode {
    /** A job uses a GPU when its tier has one and runs on CPU otherwise. The default. */
    OPTIONAL("optional", "a job uses a GPU when its tier has one, CPU otherwise"),
    /** Every job needs a GPU: every tier must have one. */
    REQUIRED("required", "every job needs a GPU and runs only on GPU tiers"),
    /** Some jobs are submitted requiring a GPU: every stage needs a GPU tier for them. */
    PER_JOB("per-job", "jobs submitted as needing a GPU run only on GPU tiers, others anywhere");

    private final String wireName;
    private final String meaning;

    GpuMode(String wireName, String meaning) {
        this.wireName = wireName;
        this.meaning = meaning;
    }

    /** The word used in {@code drover.yaml}: {@code optional}, {@code required}, {@code per-job}. */
    public String wireName() {
        return wireName;
    }

    /** What the mode means, in words, for {@code drover plan}. */
    public String meaning() {
        return meaning;
    }

    /** True when some jobs can run only on GPU tiers, so every stage must offer one. */
    public boolean needsGpuTiers() {
        return this != OPTIONAL;
    }

    public static Optional<GpuMode> of(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(GpuMode::wireName).toList();
    }
}
