package dev.drover.bench;

import java.util.Arrays;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The textbook tests the anchors use, each one-sided "the candidate is worse". */
final class Significance {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Significance() {
    }

    /** Fisher's exact test: P(at least {@code xc} of the failures fall on the candidate) given the margins. */
    static double fisherUpper(int xc, int nc, int xb, int nb) {
        if (xc == 0) {
            return 1;
        }
        var h = new HypergeometricDistribution(null, nc + nb, xc + xb, nc);
        return h.upperCumulativeProbability(xc);
    }

    /** The two-proportion z (pooled variance) of the candidate's rate above the baseline's; 0 without failures. */
    static double twoProportionZ(int xc, int nc, int xb, int nb) {
        double pooled = (double) (xc + xb) / (nc + nb);
        if (pooled == 0 || pooled == 1) {
            return 0;
        }
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nc + 1.0 / nb));
        return ((double) xc / nc - (double) xb / nb) / se;
    }

    /**
     * Mann-Whitney's z for "candidate values larger": the normal approximation with the tie correction
     * and a continuity correction of 1/2. The arrays are read up to {@code nc} and {@code nb}, not changed.
     */
    static double mannWhitneyZ(double[] cand, int nc, double[] base, int nb) {
        double[] x = Arrays.copyOf(cand, nc);
        double[] y = Arrays.copyOf(base, nb);
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        long ranked = 0;
        double rankSum = 0;
        double ties = 0;
        while (i < nc || j < nb) {
            double v = i < nc && (j >= nb || x[i] <= y[j]) ? x[i] : y[j];
            int ci = 0;
            while (i < nc && x[i] == v) {
                i++;
                ci++;
            }
            int bj = 0;
            while (j < nb && y[j] == v) {
                j++;
                bj++;
            }
            long t = ci + bj;
            rankSum += ci * (ranked + (t + 1) / 2.0);
            ranked += t;
            ties += (double) t * t * t - t;
        }
        double n = nc + nb;
        double u = rankSum - nc * (nc + 1.0) / 2;
        double variance = (double) nc * nb / 12 * ((n + 1) - ties / (n * (n - 1)));
        return variance <= 0 ? 0 : (u - (double) nc * nb / 2 - 0.5) / Math.sqrt(variance);
    }

    static double upperP(double z) {
        return 1 - NORMAL.cumulativeProbability(z);
    }

    static double criticalZ(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha);
    }
}
