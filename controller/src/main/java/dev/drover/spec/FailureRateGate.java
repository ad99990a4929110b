package dev.drover.spec;

/** Code-failure rate, candidate vs baseline; always on. Infrastructure-failure rates are compared too. */
public record FailureRateGate(double tolerance) implements Gate {
    public static final FailureRateGate DEFAULT = new FailureRateGate(1.5);

    @Override
    public String key() {
        return "failureRate";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return "failure rate: code failures " + Gate.atMost(tolerance)
                + " (infrastructure failures compared too)";
    }
}
