package dev.drover.bench;

/**
 * What a procedure may know before the canary starts: the fixed horizon, the budget, and what the
 * operator knows of the baseline (for absolute thresholds). Nothing of the candidate.
 *
 * @param nfh           N_FH judged jobs per arm
 * @param cap           judged jobs per arm the canary is monitored for (3 x N_FH)
 * @param alpha         the false-rollback budget per rollout, all gates together (0.05)
 * @param gates         gates sharing it (Bonferroni): failure rate and duration
 * @param p0            the baseline's usual code-failure rate
 * @param argoThreshold the Argo-style window failure-rate threshold; NaN: calibrated to the budget
 * @param share         the routing split: the probability each job goes to the candidate (the stage's, known)
 */
public record Design(int nfh, int cap, double alpha, int gates, double p0, double medianMinutes, double sigmaLog,
                     int argoWindow, int argoFailureLimit, double argoThreshold, int peekEvery, double share) {
    public static final double BUDGET = 0.05;
    public static final String FAILURE_RATE = "failureRate";
    public static final String DURATION = "duration";

    public static Design of(Scenario s) {
        return new Design(s.horizon(), s.cap(), BUDGET, 2, s.p0(), s.medianMinutes(), s.sigmaLog(), s.argoWindow(),
                s.argoFailureLimit(), s.argoThreshold(), s.peekEvery(), s.share());
    }

    /** Each gate's share of the budget. */
    public double alphaPerGate() {
        return alpha / gates;
    }
}
