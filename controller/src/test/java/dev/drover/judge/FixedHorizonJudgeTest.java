package dev.drover.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.judge.JudgeInput.BootstrapLimits;
import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.FailureRateGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fixed-horizon judge on generated evidence: one tier, candidate against baseline (or alone, in a bootstrap). */
class FixedHorizonJudgeTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TIER = "canary-gpu";
    private static final int MIN_JOBS = 50;
    private static final double ALPHA = 0.002;
    private static final BootstrapLimits LIMITS = new BootstrapLimits(0.2, 0.5);
    private static final List<String> ALL_GATES = List.of("failureRate", "infraFailureRate", "duration", "memory",
            "costPerJob");

    private final FixedHorizonJudge judge = new FixedHorizonJudge();

    @Test
    void equalArmsPassEveryGateWithTheEvidenceBehindIt() {
        Arm candidate = new Arm(2, 11).succeed(25).fail(1).succeed(34);
        Arm baseline = new Arm(1, 12).succeed(25).fail(1).succeed(34);

        TierVerdict verdict = judge(candidate, baseline);

        assertThat(verdict.tier()).isEqualTo(TIER);
        assertThat(verdict.state()).isEqualTo(VerdictState.PASS);
        assertThat(verdict.gates()).extracting(GateVerdict::gate).containsExactlyElementsOf(ALL_GATES);
        assertThat(verdict.gates()).allSatisfy(g -> {
            assertThat(g.state()).isEqualTo(VerdictState.PASS);
            assertThat(g.reason()).isNull();
            assertThat(g.candidate()).isNotNull();
            assertThat(g.baseline()).isNotNull();
            assertThat(g.estimate()).isNotNull();
            assertThat(g.statistic()).isNotNull().isLessThanOrEqualTo(g.threshold());
            assertThat(g.threshold()).isCloseTo(2.878, within(0.001));
            assertThat(g.sentence()).isNotBlank().contains(TIER);
        });
        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.candidate()).isEqualTo(ArmCount.rate(MIN_JOBS, 1));
        assertThat(failures.baseline()).isEqualTo(ArmCount.rate(MIN_JOBS, 1));
        assertThat(failures.estimate()).isEqualTo(1.0);
        assertThat(gate(verdict, "infraFailureRate").candidate()).isEqualTo(ArmCount.rate(MIN_JOBS, 0));
        assertThat(gate(verdict, "duration").candidate()).isEqualTo(ArmCount.of(MIN_JOBS));
        assertThat(gate(verdict, "duration").baseline()).isEqualTo(ArmCount.of(MIN_JOBS));
        assertThat(gate(verdict, "duration").estimate()).isBetween(0.8, 1.2);
    }

    @Test
    void aCandidateFailingFarMoreOftenFailsTheFailureRateGate() {
        Arm candidate = new Arm(2, 21);
        for (int i = 0; i < 10; i++) {
            candidate.succeed(3).fail(2); // 40%
        }
        Arm baseline = new Arm(1, 22).succeed(25).fail(1).succeed(34); // 2%

        TierVerdict verdict = judge(candidate, baseline);

        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.FAIL);
        assertThat(failures.candidate()).isEqualTo(ArmCount.rate(50, 20));
        assertThat(failures.baseline()).isEqualTo(ArmCount.rate(50, 1));
        assertThat(failures.estimate()).isGreaterThan(FailureRateGate.DEFAULT.tolerance());
        assertThat(failures.statistic()).isGreaterThan(failures.threshold());
        assertThat(failures.sentence()).contains(TIER, "20 of 50", "1 of 50");
        assertThat(verdict.state()).isEqualTo(VerdictState.FAIL);
        assertThat(verdict.firstFailing()).contains(failures);
    }

    @Test
    void fewerThanMinJobsInAnArmIsPendingAndSaysHowManySoFar() {
        Arm candidate = new Arm(2, 31).succeed(12);
        Arm baseline = new Arm(1, 32).succeed(60);

        TierVerdict verdict = judge(candidate, baseline);

        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.PENDING);
        assertThat(failures.reason()).contains("waiting for 50", TIER, "candidate 12", "baseline 50");
        assertThat(failures.candidate()).isEqualTo(ArmCount.rate(12, 0));
        assertThat(failures.estimate()).isNull();
        assertThat(failures.statistic()).isNull();
        assertThat(verdict.gates()).allSatisfy(g -> assertThat(g.state()).isEqualTo(VerdictState.PENDING));
        assertThat(verdict.state()).isEqualTo(VerdictState.PENDING);
    }

    @Test
    void aFullHorizonWaitsForAnAttemptDispatchedBeforeItsLastSample() {
        Arm baseline = new Arm(1, 42).succeed(60);

        TierVerdict waiting = judge(new Arm(2, 41).succeed(10).running(1).succeed(50), baseline);
        TierVerdict notWaiting = judge(new Arm(2, 41).succeed(50).running(1), baseline);
        TierVerdict finished = judge(new Arm(2, 41).succeed(10).fail(1).succeed(50), baseline);

        GateVerdict failures = gate(waiting, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.PENDING);
        assertThat(failures.reason()).contains("candidate 50 (1 dispatched earlier still running)");
        assertThat(waiting.state()).isEqualTo(VerdictState.PENDING);
        assertThat(gate(notWaiting, "failureRate").state()).isEqualTo(VerdictState.PASS);
        assertThat(gate(finished, "failureRate").candidate()).isEqualTo(ArmCount.rate(50, 1));
    }

    @Test
    void dataArrivingAfterTheHorizonDoesNotChangeTheVerdict() {
        Arm candidate = new Arm(2, 51).succeed(25).fail(1).succeed(34);
        Arm baseline = new Arm(1, 52).succeed(25).fail(1).succeed(34);
        TierVerdict before = judge(candidate, baseline);

        candidate.slower(3).fail(30).lose(10).succeed(30).running(2);
        baseline.succeed(5).running(1);
        TierVerdict after = judge(candidate, baseline);

        assertThat(before.state()).isEqualTo(VerdictState.PASS);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aCandidateTwiceAsSlowFailsTheDurationGate() {
        TierVerdict verdict = judge(new Arm(2, 61).slower(2.0).succeed(60), new Arm(1, 62).succeed(60));

        GateVerdict duration = gate(verdict, "duration");
        assertThat(duration.state()).isEqualTo(VerdictState.FAIL);
        assertThat(duration.estimate()).isCloseTo(2.0, within(0.3));
        assertThat(duration.statistic()).isGreaterThan(duration.threshold());
        assertThat(duration.sentence()).contains("as long as baseline", TIER, "50 vs 50 jobs");
        assertThat(gate(verdict, "memory").state()).isEqualTo(VerdictState.PASS);
    }

    @Test
    void aCandidateTenPercentSlowerPassesWithinATolerance() {
        TierVerdict verdict = judge(new Arm(2, 71).slower(1.1).succeed(60), new Arm(1, 72).succeed(60));

        GateVerdict duration = gate(verdict, "duration");
        assertThat(DurationGate.DEFAULT.tolerance()).isEqualTo(1.2);
        assertThat(duration.state()).isEqualTo(VerdictState.PASS);
        assertThat(duration.estimate()).isBetween(1.0, 1.2);
        assertThat(duration.sentence()).contains("within 1.20x of baseline");
    }

    @Test
    void infrastructureFailuresOfTheCandidateAloneFailTheirOwnGateButNotTheFailureRate() {
        Arm candidate = new Arm(2, 81);
        for (int i = 0; i < 25; i++) {
            candidate.succeed(2).lose(1);
        }
        Arm baseline = new Arm(1, 82).succeed(60);

        TierVerdict verdict = judge(candidate, baseline);

        GateVerdict infra = gate(verdict, "infraFailureRate");
        assertThat(infra.state()).isEqualTo(VerdictState.FAIL);
        assertThat(infra.candidate()).isEqualTo(ArmCount.rate(50, 16));
        assertThat(infra.baseline()).isEqualTo(ArmCount.rate(50, 0));
        assertThat(infra.sentence()).contains("infrastructure", "16 of 50", "0 of 50");
        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.PASS);
        assertThat(failures.candidate()).isEqualTo(ArmCount.rate(50, 0));
    }

    @Test
    void infrastructureFailuresInBothArmsAlikePass() {
        Arm candidate = new Arm(2, 91);
        Arm baseline = new Arm(1, 92);
        for (int i = 0; i < 6; i++) {
            candidate.succeed(9).lose(1);
            baseline.succeed(9).lose(1);
        }

        TierVerdict verdict = judge(candidate, baseline);

        GateVerdict infra = gate(verdict, "infraFailureRate");
        assertThat(infra.state()).isEqualTo(VerdictState.PASS);
        assertThat(infra.candidate()).isEqualTo(ArmCount.rate(50, 5));
        assertThat(infra.baseline()).isEqualTo(ArmCount.rate(50, 5));
        assertThat(gate(verdict, "failureRate").candidate()).isEqualTo(ArmCount.rate(50, 0));
        assertThat(verdict.state()).isEqualTo(VerdictState.PASS);
    }

    @Test
    void memoryNotMeasuredAnywhereIsNoDataWithAReason() {
        TierVerdict verdict = judge(new Arm(2, 101).withoutMemory().succeed(60),
                new Arm(1, 102).withoutMemory().succeed(60));

        GateVerdict memory = gate(verdict, "memory");
        assertThat(memory.state()).isEqualTo(VerdictState.NO_DATA);
        assertThat(memory.reason()).contains("memory was not measured on " + TIER, "0 of 50 candidate jobs");
        assertThat(memory.estimate()).isNull();
        assertThat(gate(verdict, "duration").state()).isEqualTo(VerdictState.PASS);
        assertThat(verdict.state()).isEqualTo(VerdictState.NO_DATA);
    }

    @Test
    void disabledGatesAreLeftOutOfTheVerdictAndTheTestCount() {
        GatesSpec ratesOnly = new GatesSpec(FailureRateGate.DEFAULT, new DurationGate(List.of(0.5, 0.95), 1.2, false),
                new MemoryGate(1.3, false), new CostPerJobGate(1.15, false), ManualApprovalGate.DEFAULT);
        GatesSpec noMemory = new GatesSpec(FailureRateGate.DEFAULT, DurationGate.DEFAULT, new MemoryGate(1.3, false),
                CostPerJobGate.DEFAULT, ManualApprovalGate.DEFAULT);

        TierVerdict verdict = judge(ratesOnly, new Arm(2, 111).slower(2.0).succeed(60), new Arm(1, 112).succeed(60));

        assertThat(verdict.gates()).extracting(GateVerdict::gate).containsExactly("failureRate", "infraFailureRate");
        assertThat(verdict.state()).isEqualTo(VerdictState.PASS);
        assertThat(judge(noMemory, new Arm(2, 113).succeed(60), new Arm(1, 114).succeed(60)).gates())
                .extracting(GateVerdict::gate).doesNotContain("memory").hasSize(4);
        assertThat(judge.testsPerTier(GatesSpec.DEFAULT)).isEqualTo(5);
        assertThat(judge.testsPerTier(noMemory)).isEqualTo(4);
        assertThat(judge.testsPerTier(ratesOnly)).isEqualTo(2);
    }

    @Test
    void aFirstRevisionUnderTheCeilingWithEnoughSuccessesPasses() {
        TierVerdict verdict = bootstrap(new Arm(1, 121).succeed(25).fail(1).succeed(34));

        assertThat(verdict.gates()).extracting(GateVerdict::gate).containsExactly("failureRate", "infraFailureRate");
        assertThat(verdict.state()).isEqualTo(VerdictState.PASS);
        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.candidate()).isEqualTo(ArmCount.rate(50, 1));
        assertThat(failures.baseline()).isNull();
        assertThat(failures.estimate()).isEqualTo(0.02);
        assertThat(failures.threshold()).isEqualTo(LIMITS.maxFailureRate());
        assertThat(failures.sentence()).contains(TIER, "1 of 50", "ceiling");
        assertThat(gate(verdict, "infraFailureRate").threshold()).isEqualTo(LIMITS.maxInfraFailureRate());
    }

    @Test
    void aFirstRevisionAboveTheCeilingFails() {
        Arm candidate = new Arm(1, 131);
        for (int i = 0; i < 10; i++) {
            candidate.succeed(3).fail(2);
        }
        candidate.succeed(20);

        TierVerdict verdict = bootstrap(candidate);

        assertThat(verdict.gates()).extracting(GateVerdict::gate).containsExactly("failureRate", "infraFailureRate");
        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.FAIL);
        assertThat(failures.estimate()).isEqualTo(0.4);
        assertThat(failures.sentence()).contains("ceiling", "20 of 50", TIER);
        assertThat(verdict.state()).isEqualTo(VerdictState.FAIL);
    }

    @Test
    void aFirstRevisionUnderTheCeilingWaitsForMinJobsSuccesses() {
        TierVerdict verdict = bootstrap(new Arm(1, 141).succeed(25).fail(5).succeed(20));

        GateVerdict failures = gate(verdict, "failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.PENDING);
        assertThat(failures.reason()).contains("50 successful jobs", TIER, "45 so far");
        assertThat(verdict.state()).isEqualTo(VerdictState.PENDING);
    }

    private TierVerdict judge(Arm candidate, Arm baseline) {
        return judge(GatesSpec.DEFAULT, candidate, baseline);
    }

    private TierVerdict judge(GatesSpec gates, Arm candidate, Arm baseline) {
        return judge.judge(new JudgeInput(TIER, gates, MIN_JOBS, ALPHA, candidate.evidence(),
                Optional.of(baseline.evidence()), LIMITS));
    }

    private TierVerdict bootstrap(Arm candidate) {
        return judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, MIN_JOBS, ALPHA, candidate.evidence(),
                Optional.empty(), LIMITS));
    }

    private static GateVerdict gate(TierVerdict verdict, String name) {
        return verdict.gates().stream().filter(g -> g.gate().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " gate in " + verdict));
    }

    /**
     * One arm's attempts, dispatched a second apart in the order they are added; a success runs about a
     * minute (times {@code slower}) with about 200 MiB of peak memory, drawn from a seeded random.
     */
    private static final class Arm {
        private static final double PRICE_PER_HOUR = 0.09;
        private final int revision;
        private final SplittableRandom random;
        private final List<Sample> finished = new ArrayList<>();
        private final List<Running> running = new ArrayList<>();
        private Instant next = T0;
        private double slower = 1;
        private boolean memoryMeasured = true;

        Arm(int revision, long seed) {
            this.revision = revision;
            this.random = new SplittableRandom(seed);
        }

        Arm slower(double factor) {
            slower = factor;
            return this;
        }

        Arm withoutMemory() {
            memoryMeasured = false;
            return this;
        }

        Arm succeed(int n) {
            for (int i = 0; i < n; i++) {
                long millis = (long) (60_000 * slower * Math.exp(0.15 * random.nextGaussian()));
                double cost = millis / 3_600_000.0 * PRICE_PER_HOUR;
                finished.add(new Sample(dispatch(), Sample.Kind.SUCCEEDED, millis, memory(), cost));
            }
            return this;
        }

        /** Code failures: exited non-zero. */
        Arm fail(int n) {
            for (int i = 0; i < n; i++) {
                finished.add(new Sample(dispatch(), Sample.Kind.CODE_FAILURE, null, memory(), null));
            }
            return this;
        }

        /** Attempts lost to the infrastructure. */
        Arm lose(int n) {
            for (int i = 0; i < n; i++) {
                finished.add(new Sample(dispatch(), Sample.Kind.INFRA_FAILURE, null, null, null));
            }
            return this;
        }

        /** Attempts dispatched now and not finished. */
        Arm running(int n) {
            for (int i = 0; i < n; i++) {
                running.add(Running.dispatched(dispatch()));
            }
            return this;
        }

        ArmEvidence evidence() {
            return new ArmEvidence(revision, finished, running);
        }

        private Instant dispatch() {
            Instant at = next;
            next = next.plus(Duration.ofSeconds(1));
            return at;
        }

        private Long memory() {
            return memoryMeasured ? (long) ((200L << 20) * Math.exp(0.05 * random.nextGaussian())) : null;
        }
    }
}
