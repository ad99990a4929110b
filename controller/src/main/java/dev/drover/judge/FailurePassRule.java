package dev.drover.judge;

import dev.drover.spec.FailureRateGate;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * When a stage's code failures are consistent with the failure-rate gate, so that it may pass: the candidate's
 * failures are at most the share the gate allows ({@link FailureRateGate#allowedRate}: tolerance x the baseline's
 * rate plus the floor), or not unlikely under it. A point estimate alone would hold good versions in small
 * stages: one failing 5% of its jobs shows 2 of 21 against 0 of 21 in about a quarter of them.
 */
public final class FailurePassRule {
    /**
     * The chance below which a candidate's failures are too many for the allowed rate: 2 of 2 against 0 of 2
     * (0.0025 at the default 5-point floor) and 4 of 5 against 0 of 5 are; 2 of 21 against 0 of 21 (0.28) is not.
     */
    public static final double CONSISTENT = 0.2;

    private FailurePassRule() {
    }

    /** Whether {@code failed} of {@code n} usable pairs is consistent with the rate allowed beside {@code baseFailed}. */
    public static boolean consistent(int failed, int baseFailed, int n, FailureRateGate gate) {
        if (n == 0) {
            return false;
        }
        double allowed = gate.allowedRate(baseFailed, n);
        if (failed <= allowed * n || allowed >= 1) {
            return true;
        }
        return 1 - new BinomialDistribution(null, n, allowed).cumulativeProbability(failed - 1) >= CONSISTENT;
    }
}
