package dev.drover.judge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An anytime-valid, one-sided test on the labels of failure events when each job went to the candidate at random
 * with a known probability {@code share} (the stage's split): every job, in dispatch order, marks {@code UP} when it
 * ran on the candidate and failed, {@code DOWN} when it ran on the baseline and failed, nothing otherwise. Unlike
 * {@link PairedEvidence} on pairs, no job is left unpaired, so a small canary share keeps every baseline job.
 *
 * <p>If the candidate's failure rate is at most {@code tolerance} times the baseline's, a failure is the candidate's
 * with probability at most {@code theta0 = share * tolerance / (share * tolerance + 1 - share)}, whatever came before
 * (the arm was drawn at random, independently of the outcome): the likelihood ratio of any theta above theta0 is a
 * test supermartingale over the jobs, and so is their mixture; by Ville's inequality it ever reaches
 * {@code 1 / alpha} with probability at most alpha. The mixture is the failure-rate prior of {@link PairedEvidence},
 * carried over to labels: a pair's theta is the odds psi / (1 + psi) of a rate ratio psi, a label's
 * {@code share * psi / (share * psi + 1 - share)}; it is integrated on a fine grid of psi, a discrete mixture, which
 * keeps the guarantee exactly. At {@code share} 0.5 the two tests weigh every label alike.
 */
public final class LabelEvidence implements BayesFactor {
    private static final int GRID = 400;
    /** One instance per (tolerance, share): the grid is built once and its factors are kept (a stage reads few). */
    private static final Map<List<Double>, LabelEvidence> SHARED = new ConcurrentHashMap<>();
    private static final int MAX_SHARED = 1024;

    private final double theta0;
    private final double[] logWeight = new double[GRID];
    private final double[] logUp = new double[GRID];
    private final double[] logDown = new double[GRID];
    private final Map<Long, Double> factors = new ConcurrentHashMap<>();

    private LabelEvidence(double tolerance, double share, PairedEvidence pairPrior) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the candidate's share must be between 0 and 1, got " + share);
        }
        double pairTheta0 = pairPrior.theta0();
        this.theta0 = label(share, tolerance);
        double total = 0;
        double[] w = new double[GRID];
        for (int i = 0; i < GRID; i++) { // midpoints of the pair theta's range above its theta0
            double t = pairTheta0 + (1 - pairTheta0) * (i + 0.5) / GRID;
            w[i] = pairPrior.priorDensity(t);
            total += w[i];
            double theta = label(share, t / (1 - t));
            logUp[i] = Math.log(theta / theta0);
            logDown[i] = Math.log1p(-theta) - Math.log1p(-theta0);
        }
        for (int i = 0; i < GRID; i++) {
            logWeight[i] = w[i] > 0 ? Math.log(w[i] / total) : Double.NEGATIVE_INFINITY;
        }
    }

    /** For code failures at {@code tolerance} (a rate ratio) with the candidate getting {@code share} of the jobs. */
    public static LabelEvidence forRates(double tolerance, double share) {
        List<Double> key = List.of(tolerance, share);
        LabelEvidence known = SHARED.get(key);
        if (known != null) {
            return known;
        }
        LabelEvidence made = new LabelEvidence(tolerance, share, PairedEvidence.forRates(tolerance));
        if (SHARED.size() < MAX_SHARED) {
            SHARED.putIfAbsent(key, made);
        }
        return made;
    }

    /** The chance a failure is the candidate's when its rate is {@code ratio} x the baseline's. */
    private static double label(double share, double ratio) {
        return share * ratio / (share * ratio + 1 - share);
    }

    public double theta0() {
        return theta0;
    }

    @Override
    public double logFactor(int up, int down) {
        long key = ((long) up << 32) | down;
        Double known = factors.get(key);
        if (known != null) {
            return known;
        }
        double computed = compute(up, down);
        if (factors.size() < 1 << 20) {
            factors.put(key, computed);
        }
        return computed;
    }

    private double compute(int up, int down) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            terms[i] = logWeight[i] + up * logUp[i] + down * logDown[i];
            max = Math.max(max, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
