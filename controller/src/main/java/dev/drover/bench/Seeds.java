package dev.drover.bench;

/** Seeds per replication: a function of the run's seed and the replication's index only. */
public final class Seeds {
    private Seeds() {
    }

    /** The seed of replication {@code rep}: the same whatever the thread count or the scenario. */
    public static long of(long runSeed, int rep) {
        return mix(runSeed + 0x9E3779B97F4A7C15L * (rep + 1));
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit function of {@code z}. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
