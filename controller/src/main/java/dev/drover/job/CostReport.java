package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a service's finished attempts cost since an instant, by day (UTC, of the controller's receipt of the attempt's result), revision and tier,
 * with the part spent on attempts the code failed ({@code failed}) and the part lost to infrastructure
 * ({@code interrupted}: spot interruptions, lost agents, engine errors). An unpriced attempt counts as an
 * attempt that cost nothing.
 *
 * @param currency what targets' {@code price-per-hour} is in
 */
public record CostReport(Instant since, String currency, List<Row> rows, double total, double failed, double interrupted) {
    /** Targets' prices are taken to be in US dollars; there is no setting for another currency. */
    public static final String CURRENCY = "USD";

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::day).thenComparingInt(Row::revision)
            .thenComparing(Row::tier);

    /** One day's attempts of one revision on one tier. */
    public record Row(String day, int revision, String tier, int attempts, double cost, double failedCost,
                      double interruptedCost) {
        Row plus(Row other) {
            return new Row(day, revision, tier, attempts + other.attempts, cost + other.cost,
                    failedCost + other.failedCost, interruptedCost + other.interruptedCost);
        }
    }

    /** From finished attempts (each with its receipt), as {@link JobStore#finishedAttempts} gives them. */
    public static CostReport of(Instant since, String currency, List<Attempt> attempts) {
        Map<Row, Row> rows = new TreeMap<>(ORDER); // keyed by day, revision and tier alone
        for (Attempt a : attempts) {
            double cost = JobSummary.cost(a);
            Outcome outcome = JobSummary.outcome(a);
            Row row = new Row(LocalDate.ofInstant(a.receivedAt(), ZoneOffset.UTC).toString(), a.revision(), a.tier(), 1, cost,
                    JobSummary.codeFailure(outcome) ? cost : 0, outcome.infrastructure() ? cost : 0);
            rows.merge(row, row, Row::plus);
        }
        List<Row> sorted = List.copyOf(rows.values());
        return new CostReport(since, currency, sorted, sorted.stream().mapToDouble(Row::cost).sum(),
                sorted.stream().mapToDouble(Row::failedCost).sum(), sorted.stream().mapToDouble(Row::interruptedCost).sum());
    }
}
