package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a service's finished attempts add up to: counts by outcome, failure rates, duration and peak
 * memory quantiles, and cost by revision, by tier and by day (UTC, of the controller's receipt of each result).
 */
public record JobSummary(int attempts, Map<String, Integer> byOutcome, double codeFailureRate, double infraFailureRate,
                         Quantiles durationMillis, Quantiles memoryPeakBytes, double cost,
                         Map<String, Double> costByRevision, Map<String, Double> costByTier, Map<String, Double> costByDay) {

    /** p50, p90, p99 and max of a measure (null when nothing was measured). */
    public record Quantiles(Double p50, Double p90, Double p99, Double max) {
        static Quantiles of(List<Double> values) {
            if (values.isEmpty()) {
                return new Quantiles(null, null, null, null);
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Quantiles(at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted.get(sorted.size() - 1));
        }

        private static double at(List<Double> sorted, double q) {
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    public static JobSummary of(List<Attempt> attempts) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        List<Double> durations = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        int code = 0;
        int infra = 0;
        for (Attempt a : attempts) {
            Outcome outcome = outcome(a);
            byOutcome.merge(outcome.wireName(), 1, Integer::sum);
            if (outcome.infrastructure()) {
                infra++;
            } else if (codeFailure(outcome)) {
                code++;
            }
            if (a.durationMillis() != null) {
                durations.add(a.durationMillis().doubleValue());
            }
            if (a.memoryPeak() != null) {
                memory.add(a.memoryPeak().doubleValue());
            }
        }
        int n = attempts.size();
        return new JobSummary(n, byOutcome, n == 0 ? 0 : (double) code / n, n == 0 ? 0 : (double) infra / n,
                Quantiles.of(durations), Quantiles.of(memory), attempts.stream().mapToDouble(JobSummary::cost).sum(),
                costBy(attempts, a -> Integer.toString(a.revision())), costBy(attempts, Attempt::tier),
                costBy(attempts, a -> a.receivedAt() == null ? "unknown"
                        : LocalDate.ofInstant(a.receivedAt(), ZoneOffset.UTC).toString()));
    }

    private static Map<String, Double> costBy(List<Attempt> attempts, Function<Attempt, String> key) {
        Map<String, Double> totals = new TreeMap<>();
        attempts.forEach(a -> totals.merge(key.apply(a), cost(a), Double::sum));
        return totals;
    }

    /** An unpriced attempt costs nothing. */
    static double cost(Attempt a) {
        return a.cost() == null ? 0 : a.cost();
    }

    /** A finished attempt with no outcome recorded counts as an infrastructure failure. */
    static Outcome outcome(Attempt a) {
        return a.outcome() == null ? Outcome.INFRA : a.outcome();
    }

    /** The code's fault: neither success, nor cancellation, nor infrastructure. */
    static boolean codeFailure(Outcome outcome) {
        return !outcome.infrastructure() && outcome != Outcome.SUCCEEDED && outcome != Outcome.CANCELLED;
    }
}
