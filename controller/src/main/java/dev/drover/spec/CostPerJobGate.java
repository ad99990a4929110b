package dev.drover.spec;

/** Cost per successful job (duration x target price x dominant share), candidate vs baseline. */
public record CostPerJobGate(double tolerance, boolean enabled) implements Gate {
    public static final CostPerJobGate DEFAULT = new CostPerJobGate(1.15, true);

    @Override
    public String key() {
        return "costPerJob";
    }

    @Override
    public String describe() {
        return enabled ? "cost per job: " + Gate.atMost(tolerance) : "cost per job: off";
    }
}
