package dev.drover.spec;

import java.math.BigDecimal;

/**
 * Code-failure rate, candidate vs baseline; always on. Infrastructure-failure rates are compared too.
 *
 * @param tolerance how many times the baseline's odds of failing the candidate's may reach before it rolls back
 * @param floor     the absolute slack a stage's pass allows on top: it passes only while the candidate's failures are
 *                  consistent with a rate of {@code tolerance} x the baseline's plus this, so a baseline that failed
 *                  0 times is not a free pass for any candidate (0.05: five percentage points)
 */
public record FailureRateGate(double tolerance, double floor) implements Gate {
    public static final double DEFAULT_FLOOR = 0.05;
    public static final FailureRateGate DEFAULT = new FailureRateGate(1.5, DEFAULT_FLOOR);

    public FailureRateGate(double tolerance) {
        this(tolerance, DEFAULT_FLOOR);
    }

    @Override
    public String key() {
        return "failureRate";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** The candidate's failure rate a stage's pass allows beside the baseline's {@code baseFailed} of {@code n}. */
    public double allowedRate(int baseFailed, int n) {
        return Math.min(1, tolerance * baseFailed / Math.max(1, n) + floor);
    }

    @Override
    public String describe() {
        return "failure rate: code failures " + Gate.atMost(tolerance) + ", plus "
                + BigDecimal.valueOf(Math.round(floor * 1000) / 10.0).stripTrailingZeros().toPlainString() + " points to pass a stage"
                + " (infrastructure failures compared too)";
    }
}
