package dev.drover.judge;

/**
 * How a quantile of durations is tested on pairs: in blocks of k consecutive pairs, the candidate side's
 * largest value against the baseline side's. The largest of k values has its median at the
 * {@code 0.5^(1/k)} quantile, so k is chosen to put it at the quantile asked for: 1 (each pair on its own)
 * for the median, 7 for p90, 14 for p95, 69 for p99. Under the null hypothesis (candidate values no larger
 * than the baseline's, in distribution) either side's maximum is the larger with probability 1/2 at most,
 * which is the {@link PairedEvidence} test; a slowdown of the tail alone moves the maxima.
 */
public final class QuantileBlocks {
    private QuantileBlocks() {
    }

    /** Pairs per block for quantile {@code q} (0 < q < 1). */
    public static int size(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
        }
        return Math.max(1, (int) Math.round(Math.log(0.5) / Math.log(q)));
    }
}
