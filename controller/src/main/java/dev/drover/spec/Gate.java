package dev.drover.spec;

import java.math.BigDecimal;

/**
 * A judged check of candidate against baseline within each tier. Tolerances are ratios: 1.2 lets the
 * candidate be up to 20% worse than the baseline.
 */
public sealed interface Gate permits FailureRateGate, DurationGate, MemoryGate, CostPerJobGate, ManualApprovalGate {

    /** The key of this gate under {@code gates:} in {@code drover.yaml}. */
    String key();

    boolean enabled();

    /** What the gate checks, in words, for {@code drover plan}. */
    String describe();

    /** A number as people write it: {@code 1.5}, {@code 2} (no trailing zeros). */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code at most 1.2x the baseline's}. */
    static String atMost(double tolerance) {
        return "at most " + number(tolerance) + "x the baseline's";
    }
}
