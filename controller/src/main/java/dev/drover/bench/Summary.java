package dev.drover.bench;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One procedure on one scenario over all replications. Rates carry their Monte-Carlo standard error
 * sqrt(p(1-p)/reps); medians and p90s are nearest-rank over the replications they concern (NaN if none).
 *
 * @param rollback        share of replications rolled back by the cap (a false rollback where the scenario
 *                        must promote)
 * @param within          share rolled back within 1, 2 and 3 x N_FH judged jobs per arm (the smaller arm's)
 * @param medianJobs      median canary (candidate) judged jobs run before a rollback; p90Jobs likewise
 * @param failureGate     share of the rollbacks made by the failure-rate gate
 * @param failedJobs      mean candidate code failures suffered before a rollback
 * @param verdictHours    median hours to any verdict
 * @param promoteHours    median hours to a promotion
 * @param promote         share promoted (a wrong promotion where the scenario must roll back)
 */
public record Summary(String procedure, int reps, double rollback, double rollbackSe, double[] within,
                      double failureGate, double medianJobs, double p90Jobs, double failedJobs, double verdictHours,
                      double promoteHours, double promote, double promoteSe, double none) {

    static Summary of(String procedure, Verdict[] v, int nfh) {
        int n = v.length;
        Verdict[] rolled = Arrays.stream(v).filter(x -> x.kind() == Verdict.Kind.ROLLBACK).toArray(Verdict[]::new);
        double rollback = share(v, x -> x.kind() == Verdict.Kind.ROLLBACK);
        double promote = share(v, x -> x.kind() == Verdict.Kind.PROMOTE);
        double[] within = new double[3];
        for (int k = 1; k <= 3; k++) {
            int limit = k * nfh;
            within[k - 1] = share(v, x -> x.kind() == Verdict.Kind.ROLLBACK && x.perArmJobs() <= limit);
        }
        double[] jobs = sorted(rolled, Verdict::candidateJobs);
        return new Summary(procedure, n, rollback, se(rollback, n), within,
                rolled.length == 0 ? Double.NaN : share(rolled, x -> Design.FAILURE_RATE.equals(x.gate())),
                quantile(jobs, 0.5), quantile(jobs, 0.9), Arrays.stream(rolled).mapToInt(Verdict::failedJobs).average()
                .orElse(Double.NaN),
                quantile(sorted(Arrays.stream(v).filter(x -> x.kind() != Verdict.Kind.NONE).toArray(Verdict[]::new),
                        Verdict::hours), 0.5),
                quantile(sorted(Arrays.stream(v).filter(x -> x.kind() == Verdict.Kind.PROMOTE).toArray(Verdict[]::new),
                        Verdict::hours), 0.5),
                promote, se(promote, n), share(v, x -> x.kind() == Verdict.Kind.NONE));
    }

    private static double share(Verdict[] v, Predicate<Verdict> p) {
        return v.length == 0 ? Double.NaN : (double) Arrays.stream(v).filter(p).count() / v.length;
    }

    private static double se(double p, int n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    private static double[] sorted(Verdict[] v, ToDoubleFunction<Verdict> f) {
        return Arrays.stream(v).mapToDouble(f).sorted().toArray();
    }

    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
