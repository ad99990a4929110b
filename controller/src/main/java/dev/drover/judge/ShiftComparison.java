package dev.drover.judge;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * A measured value (duration, peak memory, cost) of the candidate against tolerance x the baseline's:
 * a one-sided Mann-Whitney test on the first {@code minJobs} successful jobs of each arm, with the
 * quantile ratios as the estimate.
 */
final class ShiftComparison {
    private ShiftComparison() {
    }

    static GateVerdict compare(String gate, String verb, String relation, JudgeInput in, double tolerance,
                               List<Double> quantiles, ArmEvidence candidate, ArmEvidence baseline,
                               FixedHorizonJudge.Measure measure) {
        Horizon candHorizon = Horizon.of(candidate.succeeded(), candidate, in.minJobs());
        Horizon baseHorizon = Horizon.of(baseline.succeeded(), baseline, in.minJobs());
        List<Sample> cand = candHorizon.samples();
        List<Sample> base = baseHorizon.samples();
        double[] x = values(cand, measure);
        double[] y = values(base, measure);
        ArmCount c = ArmCount.of(x.length);
        ArmCount b = ArmCount.of(y.length);
        if (!candHorizon.complete() || !baseHorizon.complete()) {
            return GateVerdict.waiting(gate, VerdictState.PENDING, "waiting for " + in.minJobs()
                    + " successful jobs per arm on " + in.tier() + ": candidate " + candHorizon.progress()
                    + ", baseline " + baseHorizon.progress(), ArmCount.of(cand.size()), ArmCount.of(base.size()));
        }
        if (x.length == 0 || y.length == 0) {
            return GateVerdict.waiting(gate, VerdictState.NO_DATA, gate + " was not measured on " + in.tier()
                    + ": " + x.length + " of " + cand.size() + " candidate jobs and " + y.length + " of " + base.size()
                    + " baseline jobs carry it", c, b);
        }
        double worst = 0;
        String worstAt = "";
        StringBuilder all = new StringBuilder();
        for (double q : quantiles) {
            double qc = quantile(x, q);
            double qb = quantile(y, q);
            double r = qb > 0 ? qc / qb : (qc > 0 ? Double.POSITIVE_INFINITY : 1);
            String name = "p" + Math.round(q * 100);
            all.append(all.length() == 0 ? "" : ", ").append(name).append(' ').append(Numbers.ratio(r));
            if (r > worst || worstAt.isEmpty()) {
                worst = r;
                worstAt = name;
            }
        }
        double z = mannWhitneyZ(x, scaled(y, tolerance));
        double critical = Numbers.criticalZ(in.alpha());
        boolean fails = z > critical && worst > tolerance;
        String counts = x.length + " vs " + y.length + " jobs";
        String sentence = fails
                ? "candidate " + verb + " " + Numbers.ratio(worst) + " " + relation + " baseline at " + worstAt
                + " on " + in.tier() + " (" + all + "): " + counts + "; z " + Numbers.fixed(z, 1) + " > "
                + Numbers.fixed(critical, 1) + " needed (tolerance " + Numbers.ratio(tolerance) + ")"
                : "candidate " + gate + " is within " + Numbers.ratio(tolerance) + " of baseline on " + in.tier() + " ("
                + all + "): " + counts + "; z " + Numbers.fixed(z, 1) + " <= " + Numbers.fixed(critical, 1);
        return new GateVerdict(gate, fails ? VerdictState.FAIL : VerdictState.PASS, null, c, b, worst, z, critical,
                sentence);
    }

    private static double[] values(List<Sample> samples, FixedHorizonJudge.Measure measure) {
        return samples.stream().map(measure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] scaled(double[] values, double by) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * by;
        }
        return out;
    }

    static double quantile(double[] values, double q) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, q * 100);
    }

    /** z of the candidate's rank sum: positive when its values tend to be larger. */
    static double mannWhitneyZ(double[] x, double[] y) {
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(pooled);
        double rankSum = 0;
        for (int i = 0; i < x.length; i++) {
            rankSum += ranks[i];
        }
        double n1 = x.length;
        double n2 = y.length;
        double u = rankSum - n1 * (n1 + 1) / 2;
        double sd = Math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
        return sd == 0 ? 0 : (u - n1 * n2 / 2) / sd;
    }
}
