package dev.drover.judge;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The smallest regression a given number of pairs catches with {@link #POWER} probability, so that an
 * engineer can see before a rollout whether a stage's {@code minJobs} is enough to catch the regressions
 * they care about, rather than finding out from one that slipped through.
 *
 * <p>Computed exactly from the binomial distributions of the {@link PairedEvidence} test's counts, not
 * by simulation: the chance that the evidence after all {@code pairs} pairs is at least
 * {@code 1 / alpha}. The sequential judge looks after every pair and rolls back the first time the
 * evidence reaches the bound, which it may do earlier and then fall below by the last pair, so these
 * powers are lower bounds on the judge's and the ratios are upper bounds on what it catches.
 */
public final class Detectable {
    /** The chance of catching the regression that the ratios are stated at: 4 times in 5. */
    public static final double POWER = 0.8;

    /** The largest duration multiplier looked for; slower than this is a different problem. */
    public static final double MAX_MULTIPLIER = 100;

    /** Discordant counts further than this many standard deviations from their mean are left out of the sum. */
    private static final double TAIL_SDS = 10;
    private static final double RELATIVE_PRECISION = 1e-4;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Detectable() {
    }

    /**
     * The smallest ratio r of failure rates (candidate {@code r * p0}, baseline {@code p0}, jobs failing
     * independently) that the failure-rate test at {@code alpha} and {@code tolerance} detects with
     * {@link #POWER} after {@code pairs} pairs; empty when even a candidate that always fails (r = 1/p0)
     * is not.
     */
    public static OptionalDouble failureRatio(int pairs, double alpha, double p0, double tolerance) {
        check(pairs, alpha, tolerance);
        if (!(p0 > 0 && p0 < 1)) {
            throw new IllegalArgumentException("the baseline failure rate must be between 0 and 1, got " + p0);
        }
        int[] least = leastUp(pairs, PairedEvidence.forRates(tolerance), Math.log(1 / alpha));
        return smallest(r -> failurePower(pairs, least, p0, r), 1, 1 / p0);
    }

    /**
     * The fewest pairs of judged jobs in which the failure-rate test at {@code alpha} and {@code tolerance} rolls
     * back a candidate whose every job fails beside a baseline that never does: a stage with a smaller
     * {@code minJobs} cannot roll such a candidate back on schedule, only hold it until its deadline.
     */
    public static int pairsToCatchAlwaysFailing(double alpha, double tolerance) {
        check(1, alpha, tolerance);
        PairedEvidence evidence = PairedEvidence.forRates(tolerance);
        double bound = Math.log(1 / alpha);
        int up = 1;
        while (evidence.logFactor(up, 0) < bound) {
            up++;
        }
        return up;
    }

    /** The failure-rate test's power against ratio {@code r}: what {@link #failureRatio} inverts. */
    static double failurePower(int pairs, double alpha, double p0, double tolerance, double r) {
        return failurePower(pairs, leastUp(pairs, PairedEvidence.forRates(tolerance), Math.log(1 / alpha)), p0, r);
    }

    /**
     * The smallest multiplier m of lognormal durations (log-scale spread {@code sigmaLog} on both arms)
     * that the sign test at {@code alpha} and {@code tolerance} detects with {@link #POWER} after
     * {@code pairs} pairs of successful jobs; empty when not even a {@value #MAX_MULTIPLIER}x slowdown is.
     * A pair counts up when the candidate ran longer than tolerance x its partner, which happens with
     * probability {@code Phi(ln(m / tolerance) / (sigmaLog * sqrt 2))}; otherwise down.
     */
    public static OptionalDouble durationRatio(int pairs, double alpha, double sigmaLog, double tolerance) {
        check(pairs, alpha, tolerance);
        if (!(sigmaLog > 0) || Double.isInfinite(sigmaLog)) {
            throw new IllegalArgumentException("the spread of log durations must be above 0, got " + sigmaLog);
        }
        double bound = Math.log(1 / alpha);
        PairedEvidence evidence = PairedEvidence.forValues();
        int up = 0;
        while (up <= pairs && evidence.logFactor(up, pairs - up) < bound) {
            up++;
        }
        if (up > pairs) {
            return OptionalDouble.empty();
        }
        int needed = up;
        return smallest(m -> {
            double pUp = NORMAL.cumulativeProbability(Math.log(m / tolerance) / (sigmaLog * Math.sqrt(2)));
            return atLeast(pairs, pUp, needed);
        }, tolerance, Math.max(MAX_MULTIPLIER, tolerance));
    }

    private static void check(int pairs, double alpha, double tolerance) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, got " + pairs);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        if (!(tolerance >= 1) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be at least 1, got " + tolerance);
        }
    }

    /**
     * For each number of discordant pairs d, the fewest of them on the candidate's side for the evidence
     * to reach the bound (the evidence grows with up at fixed d), or d + 1 when none does.
     */
    private static int[] leastUp(int pairs, PairedEvidence evidence, double bound) {
        int[] least = new int[pairs + 1];
        for (int d = 0; d <= pairs; d++) {
            int lo = 0;
            int hi = d + 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (evidence.logFactor(mid, d - mid) >= bound) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            least[d] = lo;
        }
        return least;
    }

    /** Sum over discordant counts D ~ Bin(pairs, q) of P(D = d) P(up >= least[d]), up ~ Bin(d, theta). */
    private static double failurePower(int pairs, int[] least, double p0, double r) {
        double pc = Math.min(1, r * p0);
        double q = pc * (1 - p0) + p0 * (1 - pc);
        double theta = pc * (1 - p0) / q;
        double mean = pairs * q;
        double sd = Math.sqrt(pairs * q * (1 - q));
        int from = (int) Math.max(0, Math.floor(mean - TAIL_SDS * sd));
        int to = (int) Math.min(pairs, Math.ceil(mean + TAIL_SDS * sd));
        BinomialDistribution discordant = new BinomialDistribution(null, pairs, q);
        double power = 0;
        for (int d = from; d <= to; d++) {
            if (least[d] <= d) {
                power += discordant.probability(d) * atLeast(d, theta, least[d]);
            }
        }
        return power;
    }

    /** P(X >= k) for X ~ Bin(n, p). */
    private static double atLeast(int n, double p, int k) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        return new BinomialDistribution(null, n, p).cumulativeProbability(k - 1, n);
    }

    /**
     * The smallest x in [lo, hi] where {@code power(x)} reaches {@link #POWER}, by bisection (power grows
     * with the regression); empty when it does not at hi.
     */
    private static OptionalDouble smallest(DoubleUnaryOperator power, double lo, double hi) {
        if (power.applyAsDouble(hi) < POWER) {
            return OptionalDouble.empty();
        }
        if (power.applyAsDouble(lo) >= POWER) {
            return OptionalDouble.of(lo);
        }
        while (hi - lo > RELATIVE_PRECISION * lo) {
            double mid = (lo + hi) / 2;
            if (power.applyAsDouble(mid) >= POWER) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return OptionalDouble.of(hi);
    }
}
