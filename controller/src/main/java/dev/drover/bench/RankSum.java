package dev.drover.bench;

/**
 * Mann-Whitney's U of the candidate's durations against the baseline's, kept up to date as values arrive
 * (O(log B) each), so a look costs O(1) however often one looks. Durations are rounded to 0.1% on the log
 * scale (as a clock would round them); values in the same bin are ties, counted half and corrected for in
 * the variance, so the test is exact Mann-Whitney on the rounded values.
 */
final class RankSum {
    static final double BIN = 1e-3;
    static final double LOWEST = -8;
    static final double HIGHEST = 14;
    private static final int BINS = (int) Math.ceil((HIGHEST - LOWEST) / BIN) + 1;
    private final Fenwick candidate = new Fenwick(BINS);
    private final Fenwick baseline = new Fenwick(BINS);
    private final int[] perBin = new int[BINS];
    private double u;
    private double ties;

    void add(boolean isCandidate, double minutes) {
        int bin = bin(minutes);
        if (isCandidate) {
            u += baseline.below(bin) + 0.5 * baseline.at(bin);
            candidate.add(bin);
        } else {
            u += candidate.total() - candidate.below(bin) - candidate.at(bin) + 0.5 * candidate.at(bin);
            baseline.add(bin);
        }
        double c = perBin[bin]++;
        ties += 3 * c * c + 3 * c;
    }

    /** The z of "candidate values larger", with the tie and continuity corrections; 0 before 2 per arm. */
    double z() {
        double nc = candidate.total();
        double nb = baseline.total();
        if (nc < 2 || nb < 2) {
            return 0;
        }
        double n = nc + nb;
        double variance = nc * nb / 12 * ((n + 1) - ties / (n * (n - 1)));
        return variance <= 0 ? 0 : (u - nc * nb / 2 - 0.5) / Math.sqrt(variance);
    }

    int candidates() {
        return candidate.total();
    }

    int baselines() {
        return baseline.total();
    }

    static int bin(double minutes) {
        double x = (Math.log(minutes) - LOWEST) / BIN;
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor(x)));
    }

    /** Counts per bin with prefix sums in O(log n). */
    private static final class Fenwick {
        private final int[] tree;
        private final int[] counts;
        private int total;

        Fenwick(int n) {
            tree = new int[n + 1];
            counts = new int[n];
        }

        void add(int bin) {
            counts[bin]++;
            total++;
            for (int i = bin + 1; i < tree.length; i += i & -i) {
                tree[i]++;
            }
        }

        /** Values in bins below {@code bin}. */
        int below(int bin) {
            int sum = 0;
            for (int i = bin; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
        }

        int at(int bin) {
            return counts[bin];
        }

        int total() {
            return total;
        }
    }
}
