package dev.drover.spec;

/** Peak memory per job, candidate vs baseline. */
public record MemoryGate(double tolerance, boolean enabled) implements Gate {
    public static final MemoryGate DEFAULT = new MemoryGate(1.3, true);

    @Override
    public String key() {
        return "memory";
    }

    @Override
    public String describe() {
        return enabled ? "memory: peak memory " + Gate.atMost(tolerance) : "memory: off";
    }
}
