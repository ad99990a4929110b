package dev.drover.judge;

import java.util.List;

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

    /**
     * One block's mark: the candidates' largest value against {@code tolerance} x the baselines' largest,
     * over the pairs whose sides both ended measured (a pair with a side that ended otherwise says
     * nothing, whatever its other side does). While a pair that may still count runs, the block is
     * pending at its worst, except that with {@code ageKnown} a lone pair whose candidate has already run
     * longer than tolerance x its finished partner can no longer turn out {@code DOWN}.
     *
     * @param candidates the candidate side of the block's pairs, in pair order
     * @param baselines  the baseline side, in the same order
     * @param k          pairs per block: a block with fewer pairs so far is pending
     */
    public static Mark mark(List<Value> candidates, List<Value> baselines, int k, double tolerance, boolean ageKnown) {
        boolean pending = candidates.size() < k;
        double maxC = 0;
        double maxB = 0;
        boolean measured = false;
        for (int i = 0; i < candidates.size(); i++) {
            Value c = candidates.get(i);
            Value b = baselines.get(i);
            if (c.kind() == Value.Kind.OTHER || b.kind() == Value.Kind.OTHER) {
                continue;
            }
            if (c.kind() == Value.Kind.RUNNING || b.kind() == Value.Kind.RUNNING) {
                if (k == 1 && ageKnown && c.kind() == Value.Kind.RUNNING && b.kind() == Value.Kind.MEASURED
                        && c.value() > tolerance * b.value()) {
                    return Mark.PENDING_NONE;
                }
                pending = true;
                continue;
            }
            measured = true;
            maxC = Math.max(maxC, c.value());
            maxB = Math.max(maxB, b.value());
        }
        if (pending) {
            return Mark.PENDING_DOWN;
        }
        if (!measured) {
            return Mark.NONE;
        }
        return maxC > tolerance * maxB ? Mark.UP : maxC < tolerance * maxB ? Mark.DOWN : Mark.NONE;
    }

    /**
     * One side of a pair as a value test sees it: a measured success, an attempt still running (its value
     * is how long it has run so far, in the measure's unit), or an attempt that ended otherwise.
     */
    public record Value(Kind kind, double value) {
        public static final Value OTHER = new Value(Kind.OTHER, 0);

        public enum Kind { MEASURED, RUNNING, OTHER }

        public static Value measured(double value) {
            return new Value(Kind.MEASURED, value);
        }

        public static Value running(double ranSoFar) {
            return new Value(Kind.RUNNING, ranSoFar);
        }
    }

    /** Pairs per block for quantile {@code q} (0 < q < 1). */
    public static int size(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
        }
        return Math.max(1, (int) Math.round(Math.log(0.5) / Math.log(q)));
    }
}
