package dev.drover.bench;

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

    static double criticalZ(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha);
    }
}
