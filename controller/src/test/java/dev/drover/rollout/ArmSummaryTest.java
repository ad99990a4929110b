package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.judge.ArmEvidence;
import dev.drover.judge.Running;
import dev.drover.judge.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One arm as the rollout page shows it: the rate with its interval, infrastructure apart, quantiles, memory, cost. */
class ArmSummaryTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void failuresGetAWilsonIntervalAndInfrastructureFailuresStayOutOfTheRate() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Sample.Kind kind = i < 10 ? Sample.Kind.CODE_FAILURE : i < 15 ? Sample.Kind.INFRA_FAILURE : Sample.Kind.SUCCEEDED;
            samples.add(new Sample(T0.plusSeconds(i), kind, kind == Sample.Kind.SUCCEEDED ? 1000L * (i + 1) : null,
                    100L << 20, i < 50 ? 0.02 : null));
        }
        ArmSummary s = ArmSummary.of(new ArmEvidence(7, samples, List.of(new Running(T0.plusSeconds(200), 5000))));

        assertThat(s.revision()).isEqualTo(7);
        assertThat(s.judged()).isEqualTo(95);
        assertThat(s.codeFailures()).isEqualTo(10);
        assertThat(s.infraFailures()).isEqualTo(5);
        assertThat(s.running()).isEqualTo(1);
        assertThat(s.failureRate()).isCloseTo(10.0 / 95, within(1e-12));
        // Wilson 95% for 10 of 95: 0.0581 to 0.1832.
        assertThat(s.failureLow()).isCloseTo(0.0581, within(5e-4));
        assertThat(s.failureHigh()).isCloseTo(0.1832, within(5e-4));
        assertThat(s.durationsMillis()).hasSize(85).first().isEqualTo(16_000L);
        assertThat(s.duration().p50()).isEqualTo(58_000.0); // successes ran 16..100 s: the median is the 43rd, 58 s
        assertThat(s.duration().p99()).isGreaterThan(s.duration().p95()).isLessThanOrEqualTo(100_000.0);
        assertThat(s.memoryPeakBytes().p50()).isEqualTo((double) (100L << 20));
        assertThat(s.costPerJob()).as("the mean over the judged attempts that have a price").isCloseTo(0.02, within(1e-12));
    }

    @Test
    void anArmWithNothingYetHasNoRateInterval() {
        ArmSummary s = ArmSummary.of(new ArmEvidence(3, List.of(), List.of()));
        assertThat(s.judged()).isZero();
        assertThat(s.failureLow()).isZero();
        assertThat(s.failureHigh()).isEqualTo(1.0);
        assertThat(s.duration().p50()).isNull();
        assertThat(s.costPerJob()).isNull();
    }
}
