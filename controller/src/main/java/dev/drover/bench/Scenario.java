package dev.drover.bench;

/**
 * One simulated canary: the base case with one factor varied (docs/bench.md lists every key). Times are
 * in minutes or hours as named; rates are fractions.
 *
 * @param mustPromote        true for A/A and nuisance scenarios (a rollback is a false rollback)
 * @param p0                 the baseline's code-failure rate
 * @param relativeRisk       r: the candidate fails r x p0
 * @param durationFactor     m: candidate durations x m
 * @param sigmaLog           lognormal sigma of durations (median {@code medianMinutes})
 * @param tailOnly           a share of candidate jobs slower in their upper half only: the {@code tailAt} quantile x1.5,
 *                           p50 unchanged (10% of jobs for p95, 2% for p99)
 * @param tailAt             the quantile the tail-only slowdown moves: 0.95 (p95) or 0.99 (p99)
 * @param memoryFactor       candidate peak memory x this
 * @param oomLimit           a job whose peak memory exceeds this x the baseline median is an OOM; 0: never
 * @param share              probability a job goes to the candidate
 * @param jobsPerHour        Poisson arrival rate, both arms together
 * @param infraRate          fraction of attempts lost to spot interruptions (then retried), in the arms and part of the
 *                           run that {@code infra} says
 * @param infraBursts        infra failures come in 10-minute bursts (half the attempts fail) instead of evenly
 * @param drift              both arms slow by this fraction after {@code driftAt} of the monitored run
 * @param failAfterCandidate minutes after its start a candidate failure completes; NaN: its drawn duration
 * @param nfh                the fixed horizon per arm; 0: computed by {@link SampleSize}
 * @param argoThreshold      the Argo-style window failure-rate threshold; NaN: calibrated to the budget
 * @param infra              which arm and part of the run lose attempts, and whole-agent losses
 */
public record Scenario(String name, boolean mustPromote, double p0, double relativeRisk, double durationFactor,
                       double sigmaLog, double medianMinutes, boolean tailOnly, double memoryFactor,
                       double memorySigma, double oomLimit, double share, double jobsPerHour, double infraRate,
                       boolean infraBursts, double drift, double driftAt, double failAfterCandidate,
                       double failAfterBaseline, double pricePerHour, int nfh, int argoWindow, int argoFailureLimit,
                       double argoThreshold, int peekEvery, double tailAt, InfraPattern infra) {

    /** The base case: p0 2%, share 0.5, sigma_log 1, 100 jobs/hour, identical versions. */
    public static final Scenario BASE = new Scenario("base", true, 0.02, 1, 1, 1, 10, false, 1, 0.3, 0, 0.5, 100, 0,
            false, 0, 0.5, Double.NaN, Double.NaN, 1.0, 0, 20, 2, Double.NaN, 25, 0.95, InfraPattern.EVEN);

    /** The fixed horizon N_FH per arm: from the file, or the larger of the two design sample sizes. */
    public int horizon() {
        return nfh > 0 ? nfh : Math.max(SampleSize.failures(p0), SampleSize.durations(sigmaLog));
    }

    /** Judged jobs per arm a replication is monitored for: 3 x N_FH. */
    public int cap() {
        return 3 * horizon();
    }

    public double failureRate(Arm arm) {
        return arm == Arm.CANDIDATE ? Math.min(1, relativeRisk * p0) : p0;
    }

    public double failAfter(Arm arm) {
        return arm == Arm.CANDIDATE ? failAfterCandidate : failAfterBaseline;
    }
}
