package dev.drover.bench;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The tail-only slowdown: 90% of candidate jobs unchanged, 10% drawn from a slower component whose upper
 * half (the draws above the median) is k times longer. The median is unchanged (no job crosses it) and k
 * is solved so the mixture's p95 is 1.5 x the baseline's.
 */
final class TailMixture {
    static final double WEIGHT = 0.10;
    static final double P95_RATIO = 1.5;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private TailMixture() {
    }

    /** ln k for durations lognormal with this sigma. */
    static double logFactor(double sigmaLog) {
        double target = NORMAL.inverseCumulativeProbability(0.95) + Math.log(P95_RATIO) / sigmaLog;
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(target, mid / sigmaLog) > 0.95) {
                lo = mid; // too few jobs above the target: slow the component more
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The mixture's CDF at standardised log-duration {@code z}, the slow half shifted by {@code shift}. */
    static double cdf(double z, double shift) {
        double slow = NORMAL.cumulativeProbability(Math.min(z, 0))
                + Math.max(0, NORMAL.cumulativeProbability(z - shift) - 0.5);
        return (1 - WEIGHT) * NORMAL.cumulativeProbability(z) + WEIGHT * slow;
    }
}
