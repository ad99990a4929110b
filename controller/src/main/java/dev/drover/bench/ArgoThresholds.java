package dev.drover.bench;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Argo-style procedure's absolute thresholds. The failure threshold is the scenario's
 * {@code argoThreshold} (a window fails when its failure rate is above it) or, when that is unset, the
 * smallest failure count per window such that a baseline-like candidate (failing at p0) fails the metric
 * (more than failureLimit failed windows out of N_FH / w) with probability at most alpha / 2. The duration
 * threshold is calibrated the same way on the baseline's lognormal durations. So Argo-style spends the
 * same budget as the other procedures, on what the operator knows of the baseline.
 *
 * @param maxFailures      a window with more code failures than this fails
 * @param maxMedianMinutes a window whose median success duration is above this fails
 */
record ArgoThresholds(int maxFailures, double maxMedianMinutes) {

    static ArgoThresholds of(Design d) {
        int w = d.argoWindow();
        int m = Math.max(1, d.nfh() / w);
        double alpha = d.alphaPerGate();
        int maxFailures;
        if (Double.isNaN(d.argoThreshold())) {
            var perJob = new BinomialDistribution(null, w, d.p0());
            maxFailures = 0;
            while (maxFailures < w && metricFails(m, d.argoFailureLimit(), 1 - perJob.cumulativeProbability(maxFailures))
                    > alpha) {
                maxFailures++;
            }
        } else {
            maxFailures = (int) Math.floor(d.argoThreshold() * w + 1e-9);
        }
        // P(a window's median is above t) = P(at least w - w/2 of w durations above t); solve for P(X > t)
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double above = (lo + hi) / 2;
            double windowFails = 1 - new BinomialDistribution(null, w, above).cumulativeProbability(w - w / 2 - 1);
            if (metricFails(m, d.argoFailureLimit(), windowFails) > alpha) {
                hi = above;
            } else {
                lo = above;
            }
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - lo);
        return new ArgoThresholds(maxFailures, d.medianMinutes() * Math.exp(d.sigmaLog() * z));
    }

    /** P(more than {@code limit} of {@code m} windows fail), each failing with probability {@code q}. */
    private static double metricFails(int m, int limit, double q) {
        return 1 - new BinomialDistribution(null, m, Math.min(1, Math.max(0, q))).cumulativeProbability(limit);
    }
}
