package dev.drover.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.judge.JudgeInput.BootstrapLimits;
import dev.drover.spec.GatesSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The code-failure test on the labels of failures with the known split ({@link LabelEvidence}, {@link Labels}):
 * valid under continuous monitoring with a small canary share, every job counted once by the attempt the code
 * answers for, and no job left unused the way pairs leave most of a large baseline.
 */
class LabelTestTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final BootstrapLimits LIMITS = new BootstrapLimits(0.2, 0.5);
    private static final Sample.Kind OK = Sample.Kind.SUCCEEDED;
    private static final Sample.Kind FAILED = Sample.Kind.CODE_FAILURE;
    private static final Sample.Kind LOST = Sample.Kind.INFRA_FAILURE;

    @Test
    void atAnEvenSplitALabelWeighsWhatADiscordantPairDoes() {
        LabelEvidence labels = LabelEvidence.forRates(1.5, 0.5);
        PairedEvidence pairs = PairedEvidence.forRates(1.5);

        assertThat(labels.theta0()).isCloseTo(0.6, within(1e-12));
        assertThat(labels.logFactor(0, 0)).isCloseTo(0, within(1e-9));
        for (int[] c : new int[][] {{9, 0}, {14, 1}, {30, 12}}) {
            assertThat(labels.logFactor(c[0], c[1])).as("%d up, %d down", c[0], c[1])
                    .isCloseTo(pairs.logFactor(c[0], c[1]), within(0.02));
        }
        // a tenth of the jobs to the candidate: a failure is the candidate's 1 time in 7 at tolerance 1.5
        assertThat(LabelEvidence.forRates(1.5, 0.1).theta0()).isCloseTo(0.15 / 1.05, within(1e-12));
    }

    @Test
    void identicalArmsAtASmallShareLookedAtAfterEveryJobRarelyReachTheBound() {
        SplittableRandom random = new SplittableRandom(20);
        LabelEvidence evidence = LabelEvidence.forRates(1, 0.1);
        double alpha = 0.05;
        int reps = 2000;
        int rejected = 0;
        for (int rep = 0; rep < reps; rep++) {
            int up = 0;
            int down = 0;
            for (int job = 0; job < 3000; job++) {
                boolean candidate = random.nextDouble() < 0.1;
                if (random.nextDouble() < 0.03) {
                    up += candidate ? 1 : 0;
                    down += candidate ? 0 : 1;
                    if (evidence.logFactor(up, down) >= Math.log(1 / alpha)) {
                        rejected++;
                        break;
                    }
                }
            }
        }
        assertThat((double) rejected / reps).isLessThanOrEqualTo(alpha + 3 * Math.sqrt(alpha * (1 - alpha) / reps));
    }

    @Test
    void aJobCountsOnceByItsLastAttemptAndReplaysAndRetriesOfEarlierJobsAreLeftOut() {
        List<Sample> cand = new ArrayList<>();
        List<Sample> base = new ArrayList<>();
        cand.add(sample(0, FAILED, "c1", 1));
        cand.add(sample(1, LOST, "c2", 1));
        cand.add(sample(3, FAILED, "c2", 2)); // its retry: the job is one failure, not a loss and a failure
        cand.add(sample(2, FAILED, null, 1)); // a replay: its arm was chosen
        cand.add(sample(4, FAILED, "c0", 2)); // a retry of a job first dispatched before the stage
        base.add(sample(0, OK, "b1", 1));
        base.add(sample(1, LOST, "b2", 1)); // lost, its retry not back yet: pending at its worst
        List<Running> running = List.of(new Running(T0.plusSeconds(5), 1000, "b3", 1));

        Labels labels = Labels.of(new ArmEvidence(2, cand, List.of()), new ArmEvidence(1, base, running), 0.5, 1.5,
                s -> s.kind() == FAILED);

        assertThat(labels.candidateJudged()).isEqualTo(2);
        assertThat(labels.candidateEvents()).isEqualTo(2);
        assertThat(labels.baselineJudged()).isEqualTo(1);
        assertThat(labels.baselineEvents()).isZero();
        assertThat(labels.trail().up()).isEqualTo(2);
        assertThat(labels.trail().pending()).isEqualTo(2);
        // the two pending baseline jobs count as failures in the bound, not in the leaning
        assertThat(labels.trail().logEvidence()).isLessThan(labels.trail().logLeaning());
    }

    @Test
    void aSmallCanaryShareUsesEveryBaselineJob() {
        // 10% to the candidate: 20 candidate jobs (8 failing), 180 baseline jobs (2 failing); pairs keep 20 of the 180
        List<Sample> cand = new ArrayList<>();
        List<Sample> base = new ArrayList<>();
        int c = 0;
        int b = 0;
        for (int i = 0; i < 200; i++) {
            if (i % 10 == 0) {
                cand.add(sample(i, c++ % 5 < 2 ? FAILED : OK, "c" + i, 1));
            } else {
                base.add(sample(i, b++ % 90 == 0 ? FAILED : OK, "b" + i, 1));
            }
        }
        ArmEvidence candidate = new ArmEvidence(2, cand, List.of());
        Optional<ArmEvidence> baseline = Optional.of(new ArmEvidence(1, base, List.of()));
        SequentialJudge judge = new SequentialJudge();

        GateVerdict labels = judge.judge(new JudgeInput("canary", GatesSpec.DEFAULT, 20, 0.01, 0.01, 0.1, candidate,
                baseline, LIMITS)).gates().get(0);
        GateVerdict pairs = judge.judge(new JudgeInput("canary", GatesSpec.DEFAULT, 20, 0.01, 0.01, Double.NaN, candidate,
                baseline, LIMITS)).gates().get(0);

        assertThat(labels.state()).as(labels.sentence()).isEqualTo(VerdictState.FAIL);
        assertThat(labels.sentence()).contains("8 of 20 vs 2 of 180 (judged jobs, 10% to the candidate at random)");
        assertThat(pairs.state()).as(pairs.sentence()).isNotEqualTo(VerdictState.FAIL);
    }

    private static Sample sample(int minute, Sample.Kind kind, String jobId, int attempt) {
        return new Sample(T0.plus(Duration.ofMinutes(minute)), kind, kind == OK ? 60_000L : null, 100L << 20, 0.01, jobId,
                attempt);
    }
}
