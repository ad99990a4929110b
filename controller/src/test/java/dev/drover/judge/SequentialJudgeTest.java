package dev.drover.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.judge.JudgeInput.BootstrapLimits;
import dev.drover.spec.GatesSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sequential judge asked after every completed job, on simulated stages: it stays within its
 * false-rollback bound under continuous monitoring (also when the arms fail at different times), and
 * catches a large regression long before a fixed horizon would look.
 */
class SequentialJudgeTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TIER = "canary-spot";
    private static final BootstrapLimits LIMITS = new BootstrapLimits(0.2, 0.5);

    private final SequentialJudge judge = new SequentialJudge();

    @Test
    void theEvidenceIsABayesFactorThatStartsAtOneAndGrowsWithCandidateOnlyPairs() {
        PairedEvidence even = PairedEvidence.of(1);
        assertThat(even.theta0()).isEqualTo(0.5);
        assertThat(even.logFactor(0, 0)).isCloseTo(0, within(1e-12));
        // uniform prior on (1/2, 1): BF(k, 0) = 2^(k+1) (1 - 2^-(k+1)) / (k + 1)
        assertThat(Math.exp(even.logFactor(12, 0))).isCloseTo((Math.pow(2, 13) - 1) / 13, within(1e-6));
        assertThat(even.logFactor(20, 20)).isNegative();
        assertThat(PairedEvidence.of(1.5).theta0()).isCloseTo(0.6, within(1e-12));
        assertThat(PairedEvidence.of(1.5).logFactor(12, 0)).isLessThan(even.logFactor(12, 0));
    }

    @Test
    void identicalArmsLookedAtAfterEveryPairRarelyReachTheBound() {
        SplittableRandom random = new SplittableRandom(42);
        double alpha = 0.05;
        int reps = 2000;
        int rejected = 0;
        for (int rep = 0; rep < reps; rep++) {
            int up = 0;
            int down = 0;
            for (int pair = 0; pair < 600; pair++) {
                boolean c = random.nextDouble() < 0.05;
                boolean b = random.nextDouble() < 0.05;
                up += c && !b ? 1 : 0;
                down += b && !c ? 1 : 0;
                if (PairedEvidence.of(1).logFactor(up, down) >= Math.log(1 / alpha)) {
                    rejected++;
                    break;
                }
            }
        }
        // Ville: at most alpha over the whole sequence; 3 Monte-Carlo standard errors of slack
        assertThat((double) rejected / reps).isLessThanOrEqualTo(alpha + 3 * Math.sqrt(alpha * (1 - alpha) / reps));
    }

    @Test
    void armsThatFailAtDifferentTimesWithEqualRatesAreNotRolledBack() {
        int reps = 150;
        int rolledBack = 0;
        for (int rep = 0; rep < reps; rep++) {
            Stage stage = new Stage(new SplittableRandom(1000 + rep), 0.1, 0.1, 1.0, Duration.ofMinutes(1),
                    Duration.ofMinutes(20));
            rolledBack += stage.watch(judge, 120, 0.01).rolledBack() ? 1 : 0;
        }
        // each replication is judged after every completed job; the bound is alpha = 1% per rollout
        assertThat(rolledBack).as("false rollbacks in %d rollouts", reps).isLessThanOrEqualTo(5);
    }

    @Test
    void aCandidateFailingMuchMoreOftenIsRolledBackEarlyWithTheEvidenceInWords() {
        Stage stage = new Stage(new SplittableRandom(7), 0.30, 0.02, 1.0, Duration.ofMinutes(5), Duration.ofMinutes(5));
        Watched watched = stage.watch(judge, 400, 0.002);

        assertThat(watched.rolledBack()).isTrue();
        assertThat(watched.pairs()).as("pairs judged when it rolled back").isLessThan(100);
        GateVerdict failures = watched.verdict().gates().get(0);
        assertThat(failures.gate()).isEqualTo("failureRate");
        assertThat(failures.state()).isEqualTo(VerdictState.FAIL);
        assertThat(failures.statistic()).isGreaterThanOrEqualTo(failures.threshold());
        assertThat(failures.threshold()).isCloseTo(500, within(1e-9));
        assertThat(failures.sentence()).startsWith("candidate fails ").contains(" as often as baseline on " + TIER)
                .contains("evidence").contains(">= 500 needed");
    }

    @Test
    void aSlowerCandidateThatFailsNoMoreIsCaughtByTheDurationGateNotTheFailureGate() {
        Stage stage = new Stage(new SplittableRandom(11), 0.02, 0.02, 1.6, Duration.ofMinutes(5), Duration.ofMinutes(5));
        Watched watched = stage.watch(judge, 400, 0.002);

        assertThat(watched.rolledBack()).isTrue();
        TierVerdict verdict = watched.verdict();
        assertThat(verdict.gates()).filteredOn(g -> g.state() == VerdictState.FAIL).extracting(GateVerdict::gate)
                .contains("duration").doesNotContain("failureRate");
        assertThat(verdict.gates().stream().filter(g -> g.gate().equals("duration")).findFirst().orElseThrow().sentence())
                .contains("runs longer than 1.20x baseline on " + TIER);
    }

    @Test
    void aCandidateWhoseEvidenceLeansTowardARegressionIsWatchedOnPastTheSchedule() {
        // 60 jobs per arm, all finished: the candidate failed 6 times, the baseline once
        List<Sample> cand = new ArrayList<>();
        List<Sample> base = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = T0.plusSeconds(i);
            cand.add(new Sample(at, i % 10 == 3 ? Sample.Kind.CODE_FAILURE : Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
            base.add(new Sample(at, i == 40 ? Sample.Kind.CODE_FAILURE : Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
        }
        TierVerdict verdict = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, 60, 0.002,
                new ArmEvidence(2, cand, List.of()), Optional.of(new ArmEvidence(1, base, List.of())), LIMITS));

        GateVerdict failures = verdict.gates().get(0);
        assertThat(failures.state()).isEqualTo(VerdictState.PENDING);
        assertThat(failures.statistic()).isGreaterThan(1).isLessThan(failures.threshold());
        assertThat(failures.reason()).contains("leans toward a regression").contains("until it decides or the stage's deadline");
        // one failure against none is not enough to lean on: that gate passes on schedule
        List<Sample> clean = new ArrayList<>();
        List<Sample> oneFailure = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = T0.plusSeconds(i);
            clean.add(new Sample(at, Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
            oneFailure.add(new Sample(at, i == 7 ? Sample.Kind.CODE_FAILURE : Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
        }
        TierVerdict single = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, 60, 0.002,
                new ArmEvidence(2, oneFailure, List.of()), Optional.of(new ArmEvidence(1, clean, List.of())), LIMITS));
        assertThat(single.gates().get(0).state()).isEqualTo(VerdictState.PASS);
    }

    @Test
    void passingNeedsItsOwnEvidenceUsablePairsWithinTheToleranceAndItsFloor() {
        // {candidate failures, infra losses, baseline failures, jobs per arm, minJobs, expected failure-rate state}
        Object[][] cases = {
            {4, 1, 0, 5, 5, VerdictState.PENDING},  // 4 of 4 usable vs 0 of 4: too few usable pairs, and far worse
            {2, 0, 0, 2, 2, VerdictState.PENDING},  // 2 of 2 vs 0 of 2 meets minJobs but is not within the tolerance
            {4, 0, 0, 5, 5, VerdictState.PENDING},  // 4 of 5 vs 0 of 5
            {0, 0, 0, 3, 5, VerdictState.PENDING},  // 0 of 3 vs 0 of 3 with minJobs 5
            {0, 2, 0, 6, 5, VerdictState.PENDING},  // 6 jobs, but 2 pairs lost to the infrastructure: 4 usable
            {0, 0, 0, 5, 5, VerdictState.PASS},
            {1, 0, 0, 20, 20, VerdictState.PASS},   // 5% vs 0%: within 1.5x + 5 points
            {2, 0, 0, 21, 20, VerdictState.PASS},   // 2 of 21 vs 0: a good version at 5% often shows this
            {4, 0, 0, 20, 20, VerdictState.PENDING}, // 4 of 20 vs 0: 1.6% likely at 5%: too many
            {3, 0, 2, 40, 40, VerdictState.PASS},   // 7.5% vs 5%
        };
        for (Object[] c : cases) {
            int failed = (int) c[0];
            int lost = (int) c[1];
            int baseFailed = (int) c[2];
            int jobs = (int) c[3];
            List<Sample> cand = new ArrayList<>();
            List<Sample> base = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                Instant at = T0.plusSeconds(i);
                Sample.Kind kind = i < lost ? Sample.Kind.INFRA_FAILURE : i < lost + failed ? Sample.Kind.CODE_FAILURE
                        : Sample.Kind.SUCCEEDED;
                cand.add(new Sample(at, kind, kind == Sample.Kind.SUCCEEDED ? 1000L : null, 1L << 20, 0.01));
                Sample.Kind baseKind = i >= jobs - baseFailed ? Sample.Kind.CODE_FAILURE : Sample.Kind.SUCCEEDED;
                base.add(new Sample(at, baseKind, baseKind == Sample.Kind.SUCCEEDED ? 1000L : null, 1L << 20, 0.01));
            }
            GateVerdict failures = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, (int) c[4], 0.002,
                    new ArmEvidence(2, cand, List.of()), Optional.of(new ArmEvidence(1, base, List.of())), LIMITS)).gates().get(0);
            assertThat(failures.state()).as("%d code + %d lost of %d vs %d of %d at minJobs %d: %s", failed, lost, jobs,
                    baseFailed, jobs, c[4], failures.sentence()).isEqualTo(c[5]);
        }
    }

    @Test
    void aHeldCandidateIsToldApartFromOneStillShortOfPairs() {
        List<Sample> cand = new ArrayList<>();
        List<Sample> base = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cand.add(new Sample(T0.plusSeconds(i), i == 0 ? Sample.Kind.SUCCEEDED : Sample.Kind.CODE_FAILURE,
                    i == 0 ? 1000L : null, 1L << 20, 0.01));
            base.add(new Sample(T0.plusSeconds(i), Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
        }
        GateVerdict held = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, 5, 0.002, new ArmEvidence(2, cand, List.of()),
                Optional.of(new ArmEvidence(1, base, List.of())), LIMITS)).gates().get(0);
        assertThat(held.reason()).contains("the candidate does worse than the tolerance allows on " + TIER)
                .contains("fails in 4 of 5, too many for 1.50x the baseline's 0 plus 5 points")
                .contains("until the evidence decides or the stage's deadline");
        GateVerdict shortOfPairs = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, 8, 0.002,
                new ArmEvidence(2, cand, List.of()), Optional.of(new ArmEvidence(1, base, List.of())), LIMITS)).gates().get(0);
        assertThat(shortOfPairs.reason()).contains("waiting for 8 pairs of judged jobs on " + TIER + ": 5 so far");
    }

    @Test
    void aStageTooSmallToRollBackACandidateFailingEveryJobIsKnownBeforehand() {
        int needed = Detectable.pairsToCatchAlwaysFailing(0.002, 1.5);
        assertThat(PairedEvidence.forRates(1.5).logFactor(needed, 0)).isGreaterThanOrEqualTo(Math.log(500));
        assertThat(PairedEvidence.forRates(1.5).logFactor(needed - 1, 0)).isLessThan(Math.log(500));
        assertThat(judge.pairsToCatchAlwaysFailing(GatesSpec.DEFAULT, 0.002)).hasValue(needed);
    }

    @Test
    void aGoodCandidatePassesOnceTheStagesPairsAreIn() {
        Stage stage = new Stage(new SplittableRandom(4), 0.02, 0.02, 1.0, Duration.ofMinutes(5), Duration.ofMinutes(5));
        Watched watched = stage.watch(judge, 60, 0.002);

        assertThat(watched.rolledBack()).isFalse();
        assertThat(watched.verdict().state()).as("%s", watched.verdict().gates()).isEqualTo(VerdictState.PASS);
        assertThat(watched.verdict().gates()).allSatisfy(g -> assertThat(g.sentence()).containsPattern("evidence .* < (500|1000)"));
    }

    @Test
    void aJobStillRunningCountsAtItsWorstAndHoldsNothingBack() {
        Sample ok = new Sample(T0, Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01);
        List<Sample> failures = new ArrayList<>();
        List<Sample> successes = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            failures.add(new Sample(T0.plusSeconds(i), Sample.Kind.CODE_FAILURE, null, 1L << 20, 0.01));
            successes.add(new Sample(T0.plusSeconds(i), Sample.Kind.SUCCEEDED, 1000L, 1L << 20, 0.01));
        }
        List<Sample> cand = new ArrayList<>(List.of(ok));
        cand.addAll(failures);
        // the baseline's first job still runs: it could still fail, so its pair counts as baseline-only
        ArmEvidence candidate = new ArmEvidence(2, cand, List.of());
        ArmEvidence baseline = new ArmEvidence(1, successes, List.of(new Running(T0, 500)));

        TierVerdict verdict = judge.judge(new JudgeInput(TIER, GatesSpec.DEFAULT, 20, 0.01, candidate,
                Optional.of(baseline), LIMITS));

        GateVerdict rate = verdict.gates().get(0);
        assertThat(rate.state()).isEqualTo(VerdictState.FAIL);
        assertThat(rate.candidate()).isEqualTo(ArmCount.rate(30, 30));
        // the bound: 30 candidate-only pairs after one counted against the candidate
        assertThat(Math.log(rate.statistic())).isCloseTo(PairedEvidence.forRates(1.5).logFactor(30, 1), within(1e-9));
    }

    @Test
    void theTrailReadsTheBestLowerBoundOverEveryPrefix() {
        MarkTrail trail = new MarkTrail(PairedEvidence.of(1));
        trail.add(Mark.UP);
        int pending = trail.add(Mark.PENDING_DOWN);
        trail.add(Mark.UP);
        trail.add(Mark.UP);
        trail.add(Mark.PENDING_NONE);
        trail.add(Mark.UP);
        PairedEvidence even = PairedEvidence.of(1);
        assertThat(trail.logEvidence()).isCloseTo(even.logFactor(4, 1), within(1e-12));
        assertThat(trail.logLeaning()).isCloseTo(even.logFactor(4, 0), within(1e-12));
        trail.set(pending, Mark.NONE);
        assertThat(trail.logEvidence()).isCloseTo(even.logFactor(4, 0), within(1e-12));
        assertThat(trail.resolved()).isEqualTo(5);
        assertThat(trail.pending()).isEqualTo(1);
        assertThat(Mark.of(true, null)).isEqualTo(Mark.PENDING_NONE);
        assertThat(Mark.of(false, null)).isEqualTo(Mark.PENDING_DOWN);
        assertThat(Mark.of(null, true)).isEqualTo(Mark.PENDING_DOWN);
        assertThat(Mark.of(null, false)).isEqualTo(Mark.PENDING_NONE);
        assertThat(QuantileBlocks.size(0.5)).isEqualTo(1);
        assertThat(QuantileBlocks.size(0.95)).isEqualTo(14);
    }

    /** One simulated stage: jobs every minute, half to each arm, failing and succeeding after their own times. */
    private record Stage(SplittableRandom random, double candidateFailRate, double baselineFailRate, double slower,
                         Duration candidateFailsAfter, Duration baselineFailsAfter) {

        /** Judges after every completed job until it rolls back or each arm has {@code minJobs} pairs judged. */
        Watched watch(SequentialJudge judge, int minJobs, double alpha) {
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < minJobs * 4; i++) {
                boolean candidate = random.nextBoolean();
                boolean fails = random.nextDouble() < (candidate ? candidateFailRate : baselineFailRate);
                Instant start = T0.plus(Duration.ofMinutes(i));
                double minutes = 10 * Math.exp(0.5 * random.nextGaussian()) * (candidate ? slower : 1);
                Duration runs = fails ? (candidate ? candidateFailsAfter : baselineFailsAfter)
                        : Duration.ofMillis((long) (minutes * 60_000));
                jobs.add(new Job(candidate, start, start.plus(runs), fails, runs.toMillis()));
            }
            List<Job> byEnd = jobs.stream().sorted(Comparator.comparing(Job::end)).toList();
            TierVerdict verdict = null;
            for (Job ended : byEnd) {
                verdict = judge.judge(input(jobs, ended.end(), minJobs, alpha));
                int pairs = verdict.gates().get(0).candidate().n();
                if (verdict.state() == VerdictState.FAIL) {
                    return new Watched(true, pairs, verdict);
                }
                if (verdict.state() == VerdictState.PASS) {
                    return new Watched(false, pairs, verdict);
                }
            }
            return new Watched(false, 0, verdict);
        }

        private JudgeInput input(List<Job> jobs, Instant now, int minJobs, double alpha) {
            return new JudgeInput(TIER, GatesSpec.DEFAULT, minJobs, alpha, arm(jobs, true, now, 2),
                    Optional.of(arm(jobs, false, now, 1)), LIMITS);
        }

        private static ArmEvidence arm(List<Job> jobs, boolean candidate, Instant now, int revision) {
            List<Sample> finished = new ArrayList<>();
            List<Running> running = new ArrayList<>();
            for (Job j : jobs) {
                if (j.candidate() != candidate || j.start().isAfter(now)) {
                    continue;
                }
                if (j.end().isAfter(now)) {
                    running.add(new Running(j.start(), Duration.between(j.start(), now).toMillis()));
                } else {
                    finished.add(new Sample(j.start(), j.fails() ? Sample.Kind.CODE_FAILURE : Sample.Kind.SUCCEEDED,
                            j.fails() ? null : j.millis(), 200L << 20, 0.01)); // flat cost: duration alone differs
                }
            }
            return new ArmEvidence(revision, finished, running);
        }
    }

    private record Job(boolean candidate, Instant start, Instant end, boolean fails, long millis) {
    }

    private record Watched(boolean rolledBack, int pairs, TierVerdict verdict) {
    }
}
