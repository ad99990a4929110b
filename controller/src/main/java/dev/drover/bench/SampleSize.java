package dev.drover.bench;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The fixed horizon's sample size per arm at the protocol's design effects (BENCHMARKS.md section 1):
 * 80% power at one-sided alpha 0.05.
 */
public final class SampleSize {
    static final double ALPHA = 0.05;
    static final double POWER = 0.80;
    /** The design effects: failure rate x2, durations x1.25. */
    static final double RISK_RATIO = 2;
    static final double DURATION_RATIO = 1.25;
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private SampleSize() {
    }

    /** Two proportions, p0 against 2 x p0 (the classic formula with the pooled variance under H0). */
    public static int failures(double p0) {
        double p1 = Math.min(1, RISK_RATIO * p0);
        double pBar = (p0 + p1) / 2;
        double a = z(1 - ALPHA) * Math.sqrt(2 * pBar * (1 - pBar));
        double b = z(POWER) * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
        return (int) Math.ceil((a + b) * (a + b) / ((p1 - p0) * (p1 - p0)));
    }

    /**
     * Mann-Whitney, equal arms (Noether): n = (z_a + z_b)^2 / (6 (P - 1/2)^2) per arm, where
     * P = P(candidate > baseline) = Phi(ln 1.25 / (sigma sqrt 2)) for lognormal durations.
     */
    public static int durations(double sigmaLog) {
        double p = NORMAL.cumulativeProbability(Math.log(DURATION_RATIO) / (sigmaLog * Math.sqrt(2)));
        double zz = z(1 - ALPHA) + z(POWER);
        return (int) Math.ceil(zz * zz / (6 * (p - 0.5) * (p - 0.5)));
    }

    private static double z(double p) {
        return NORMAL.inverseCumulativeProbability(p);
    }
}
