package dev.drover.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.agent.protocol.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which part of the cost each outcome falls in, and how attempts group into rows. */
class CostReportTest {
    private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

    /** An attempt whose result the controller took at {@code receivedAt}; its agent's clock says it ended a day later. */
    private static Attempt attempt(String receivedAt, int revision, String tier, Outcome outcome, Double cost) {
        Instant received = Instant.parse(receivedAt);
        return new Attempt(1, "j-1", 1, 1, 1, tier, revision, Arm.CANDIDATE, false, outcome, null, null, null,
                received.plusSeconds(86_400), null, null, null, null, null, null, cost, null, null, null, null, received);
    }

    @Test
    void codeFailuresAreFailedCostAndInfrastructureIsInterruptedCost() {
        // outcome -> {failed part, interrupted part} of a 1.0 attempt; no outcome recorded counts as infrastructure.
        Object[][] cases = {
            {Outcome.SUCCEEDED, 0.0, 0.0}, {Outcome.CANCELLED, 0.0, 0.0},
            {Outcome.CODE, 1.0, 0.0}, {Outcome.TIMEOUT, 1.0, 0.0}, {Outcome.OOM, 1.0, 0.0},
            {Outcome.SPOT_INTERRUPTION, 0.0, 1.0}, {Outcome.AGENT_LOST, 0.0, 1.0}, {Outcome.INFRA, 0.0, 1.0},
            {null, 0.0, 1.0},
        };
        for (Object[] c : cases) {
            CostReport report = CostReport.of(SINCE, "USD", List.of(attempt("2026-11-02T10:00:00Z", 1, "main",
                    (Outcome) c[0], 1.0)));
            assertThat(report.rows().get(0).failedCost()).as("failed part of %s", c[0]).isEqualTo((double) c[1]);
            assertThat(report.rows().get(0).interruptedCost()).as("interrupted part of %s", c[0]).isEqualTo((double) c[2]);
            assertThat(report.failed()).isEqualTo((double) c[1]);
            assertThat(report.interrupted()).isEqualTo((double) c[2]);
        }
    }

    @Test
    void rowsGroupByUtcDayOfTheControllersReceiptThenRevisionThenTierAndCountUnpricedAttempts() {
        CostReport report = CostReport.of(SINCE, "USD", List.of(
                attempt("2026-11-03T23:59:59Z", 2, "main", Outcome.SUCCEEDED, 0.5),
                attempt("2026-11-03T00:00:00Z", 2, "main", Outcome.CODE, 0.25),
                attempt("2026-11-03T12:00:00Z", 2, "canary", Outcome.SUCCEEDED, null),
                attempt("2026-11-03T12:00:00Z", 1, "main", Outcome.SUCCEEDED, 1.0),
                attempt("2026-11-02T23:59:59Z", 3, "main", Outcome.SPOT_INTERRUPTION, 2.0)));

        assertThat(report.rows()).extracting(r -> r.day() + " r" + r.revision() + " " + r.tier() + " x" + r.attempts())
                .containsExactly("2026-11-02 r3 main x1", "2026-11-03 r1 main x1", "2026-11-03 r2 canary x1",
                        "2026-11-03 r2 main x2");
        assertThat(report.rows().get(2).cost()).isZero();
        assertThat(report.rows().get(3).cost()).isCloseTo(0.75, within(1e-12));
        assertThat(report.rows().get(3).failedCost()).isCloseTo(0.25, within(1e-12));
        assertThat(report.total()).isCloseTo(3.75, within(1e-12));
        assertThat(report.failed()).isCloseTo(0.25, within(1e-12));
        assertThat(report.interrupted()).isCloseTo(2.0, within(1e-12));
        assertThat(report.since()).isEqualTo(SINCE);
        assertThat(CostReport.of(SINCE, "USD", List.of()).rows()).isEmpty();
    }
}
