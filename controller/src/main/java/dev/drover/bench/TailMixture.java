package dev.drover.bench;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The tail-only slowdown: most candidate jobs unchanged, a few ({@link #weight}) drawn from a slower component
 * whose upper half (the draws above the median) is k times longer. The median is unchanged (no job crosses it)
 * and k is solved so the mixture's quantile q is 1.5 x the baseline's: 10% of jobs for p95, 2% for p99 (which
 * leaves p90 all but unchanged).
 */
final class TailMixture {
    static final double WEIGHT = 0.10;
    static final double P95_RATIO = 1.5;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private TailMixture() {
    }

    /** The share of candidate jobs drawn from the slow component when quantile {@code q} is moved. */
    static double weight(double q) {
        return q >= 0.99 ? 0.02 : WEIGHT;
    }

    /** ln k for durations lognormal with this sigma, moving p95. */
    static double logFactor(double sigmaLog) {
        return logFactor(sigmaLog, 0.95);
    }

    /** ln k for durations lognormal with this sigma, moving quantile {@code q} x1.5. */
    static double logFactor(double sigmaLog, double q) {
        double target = NORMAL.inverseCumulativeProbability(q) + Math.log(P95_RATIO) / sigmaLog;
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(target, mid / sigmaLog, weight(q)) > q) {
                lo = mid; // too few jobs above the target: slow the component more
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The mixture's CDF at standardised log-duration {@code z}, the slow half shifted by {@code shift}. */
    static double cdf(double z, double shift) {
        return cdf(z, shift, WEIGHT);
    }

    static double cdf(double z, double shift, double weight) {
        double slow = NORMAL.cumulativeProbability(Math.min(z, 0))
                + Math.max(0, NORMAL.cumulativeProbability(z - shift) - 0.5);
        return (1 - weight) * NORMAL.cumulativeProbability(z) + weight * slow;
    }
}
