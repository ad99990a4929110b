package dev.drover.judge;

import org.apache.commons.math3.special.Beta;

/**
 * An anytime-valid, one-sided test on discordant pairs. The i-th candidate job is paired with the i-th
 * baseline job; a pair where only the candidate had the event (failed, ran longer than tolerance x its
 * partner, ...) counts {@code up}, one where only the baseline did counts {@code down}, others carry no
 * information. Given a discordant pair, "the candidate's side" is a coin with bias theta; under the null
 * hypothesis (candidate odds of the event at most {@code tolerance} times the baseline's) theta is at
 * most {@code theta0 = tolerance / (1 + tolerance)}.
 *
 * <p>The evidence is a Bayes factor: the likelihood of the labels averaged over a Beta(a, b) prior
 * restricted to theta above theta0, divided by their likelihood at theta0. For every theta above theta0
 * the likelihood ratio against theta0 is a non-negative supermartingale under any null theta (its
 * expected factor per pair is at most 1), so their mixture is one too, and by Ville's inequality it
 * ever reaches {@code 1 / alpha} with probability at most alpha, however often it is looked at. That is
 * what lets the judge decide after every job.
 */
public final class PairedEvidence implements BayesFactor {
    private final double theta0;
    private final double[] a;
    private final double[] b;
    /** Per component: log of its weight minus log of its normalising constant (Beta function x mass above theta0). */
    private final double[] logWeightOverPrior;

    public PairedEvidence(double tolerance, double a, double b) {
        this(tolerance, new double[] {1}, new double[] {a}, new double[] {b});
    }

    /**
     * A mixture of Beta(a_i, b_i) priors (each restricted to theta above theta0) with weights summing to 1: the
     * Bayes factor is the weighted average of each prior's, itself a test supermartingale, so the guarantee holds as
     * for one prior. A weight on large effects makes an obvious regression cross the bound in fewer pairs at a
     * small cost for moderate ones.
     */
    private PairedEvidence(double tolerance, double[] weights, double[] a, double[] b) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance and prior parameters must be above 0");
        }
        this.theta0 = tolerance / (1 + tolerance);
        this.a = a.clone();
        this.b = b.clone();
        this.logWeightOverPrior = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] > 0) || !(b[i] > 0) || !(weights[i] > 0)) {
                throw new IllegalArgumentException("tolerance and prior parameters must be above 0");
            }
            logWeightOverPrior[i] = Math.log(weights[i]) - Beta.logBeta(a[i], b[i]) - Math.log(upperMass(a[i], b[i]));
        }
    }

    /** Uniform prior over the alternative: theta between theta0 and 1. */
    public static PairedEvidence of(double tolerance) {
        return new PairedEvidence(tolerance, 1, 1);
    }

    /**
     * For failure rates: a mixture of two Beta priors (above theta0). With weight 0.7, Beta(6, 2.5), centred on theta
     * 0.71 (candidate odds of failing 2.4 x the baseline's) with a spread of 0.15: most of its mass on the
     * regressions worth catching (odds ratios 1.5 to 6); against a uniform prior it cut the median jobs to catch a
     * 3x regression by 8% in the benchmark. With weight 0.3, Beta(30, 1.2), centred on 0.96: a revision that breaks
     * a quarter of its jobs or more beside a baseline that rarely fails. Against Beta(6, 2.5) alone this cuts the
     * pairs to roll back 25% against 1% failures at tolerance 1.5 from 52 to 43 at a bound of 40, for about 7% more
     * at r = 2 and 3 (docs/judge.md).
     */
    public static PairedEvidence forRates(double tolerance) {
        return new PairedEvidence(tolerance, new double[] {0.7, 0.3}, new double[] {6, 30}, new double[] {2.5, 1.2});
    }

    /**
     * For durations, memory and cost (tolerance already applied to the values, so theta0 = 1/2): a
     * Beta(20, 12) prior, centred on 0.62 with a spread of 0.08. A 1.5x slowdown of lognormal durations
     * (sigma 1) puts the candidate above its partner in 61% of pairs and a 1.25x one in 56%: the uniform
     * prior wastes most of its mass far from that. Against it this cuts the median jobs to catch a 1.5x
     * slowdown by 10% and raises the tail-only slowdown's detection from 74% to 87% (docs/judge.md).
     */
    public static PairedEvidence forValues() {
        return new PairedEvidence(1, 20, 12);
    }

    public double theta0() {
        return theta0;
    }

    /** The prior's density at {@code theta} (above theta0; 0 at or below it). */
    double priorDensity(double theta) {
        if (theta <= theta0 || theta >= 1) {
            return 0;
        }
        double density = 0;
        for (int i = 0; i < a.length; i++) {
            density += Math.exp(logWeightOverPrior[i] + (a[i] - 1) * Math.log(theta) + (b[i] - 1) * Math.log1p(-theta));
        }
        return density;
    }

    /** The log of the Bayes factor after {@code up} candidate-only and {@code down} baseline-only pairs. */
    @Override
    public double logFactor(int up, int down) {
        double likelihoodAtNull = up * Math.log(theta0) + down * Math.log1p(-theta0);
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double mass = upperMass(up + a[i], down + b[i]);
            // a mass of 0: the data sit far below theta0, no evidence against the null from this prior at all
            terms[i] = mass <= 0 ? Double.NEGATIVE_INFINITY
                    : Beta.logBeta(up + a[i], down + b[i]) + Math.log(mass) + logWeightOverPrior[i];
            max = Math.max(max, terms[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum) - likelihoodAtNull;
    }

    /** P(theta > theta0) under Beta(alpha, beta): 1 - I_theta0(alpha, beta) = I_(1 - theta0)(beta, alpha). */
    private double upperMass(double alpha, double beta) {
        return Beta.regularizedBeta(1 - theta0, beta, alpha);
    }
}
