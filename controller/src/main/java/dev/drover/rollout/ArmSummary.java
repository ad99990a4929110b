package dev.drover.rollout;

import dev.drover.judge.ArmEvidence;
import dev.drover.judge.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * One arm of one tier in a stage, as people read it beside the other arm: the code-failure rate with its
 * 95% Wilson interval, infrastructure failures, duration quantiles and the durations themselves (for a
 * distribution), peak memory and cost per job.
 *
 * @param durationsMillis the successful attempts' durations, oldest dispatch first (the newest {@link #MAX_DURATIONS})
 * @param costPerJob      mean cost of the judged attempts that have a price; null when none has
 */
public record ArmSummary(int revision, int judged, int codeFailures, double failureRate, double failureLow,
                         double failureHigh, int infraFailures, int running, Quantiles duration,
                         List<Long> durationsMillis, Quantiles memoryPeakBytes, Double costPerJob) {
    static final int MAX_DURATIONS = 2000;

    /** p50, p90, p95 and p99 of a measure; all null when nothing was measured. */
    public record Quantiles(Double p50, Double p90, Double p95, Double p99) {
        static Quantiles of(double[] values) {
            if (values.length == 0) {
                return new Quantiles(null, null, null, null);
            }
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            p.setData(values);
            return new Quantiles(p.evaluate(50), p.evaluate(90), p.evaluate(95), p.evaluate(99));
        }
    }

    public static ArmSummary of(ArmEvidence arm) {
        List<Sample> judged = arm.judged();
        int failures = (int) judged.stream().filter(s -> s.kind() == Sample.Kind.CODE_FAILURE).count();
        int infra = arm.finished().size() - judged.size();
        double rate = judged.isEmpty() ? 0 : (double) failures / judged.size();
        double low = 0;
        double high = 1;
        if (!judged.isEmpty()) {
            var interval = new WilsonScoreInterval().createInterval(judged.size(), failures, 0.95);
            low = Math.max(0, interval.getLowerBound());
            high = Math.min(1, interval.getUpperBound());
        }
        List<Long> durations = arm.succeeded().stream().map(Sample::durationMillis).filter(Objects::nonNull).toList();
        double[] memory = judged.stream().map(Sample::memoryPeak).filter(Objects::nonNull).mapToDouble(Long::doubleValue)
                .toArray();
        double[] costs = judged.stream().map(Sample::cost).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        return new ArmSummary(arm.revision(), judged.size(), failures, rate, low, high, infra, arm.running().size(),
                Quantiles.of(durations.stream().mapToDouble(Long::doubleValue).toArray()),
                durations.subList(Math.max(0, durations.size() - MAX_DURATIONS), durations.size()),
                Quantiles.of(memory), costs.length == 0 ? null : Arrays.stream(costs).average().orElseThrow());
    }
}
