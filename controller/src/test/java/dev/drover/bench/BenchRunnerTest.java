package dev.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {
    private static final List<Scenario> AA = ScenarioFile.parse("test", List.of("aa nfh=150"));

    @Test
    void naivePeekingRollsBackIdenticalVersionsFarMoreOftenThanTheFixedHorizon() {
        var settings = new BenchRunner.Settings(300, 11, 2,
                List.of(Procedures.FIXED_HORIZON, Procedures.NAIVE_PEEKING));
        List<Summary> s = BenchRunner.run(AA, settings, new PrintWriter(new StringWriter())).get(0).summaries();

        double fixed = s.get(0).rollback();
        double naive = s.get(1).rollback();
        assertThat(fixed).isLessThan(0.08);
        assertThat(naive).isGreaterThan(0.12).isGreaterThan(fixed + 0.07);
    }

    @Test
    void droversSequentialJudgeStaysWithinItsBoundWhenArmsFailAtDifferentTimesAndCatchesALargeRegression() {
        List<Scenario> scenarios = ScenarioFile.parse("test", List.of(
                "aa nfh=300",
                "fail-timing nfh=300 failAfterCandidate=1 failAfterBaseline=20 p0=5%",
                "r-5 expect=rollback nfh=300 r=5"));
        var settings = new BenchRunner.Settings(300, 17, 2, List.of(Procedures.DROVER));
        List<ScenarioResult> results = BenchRunner.run(scenarios, settings, new PrintWriter(new StringWriter()));

        // looked at after every job, and still at most the budget (plus 3 Monte-Carlo standard errors)
        double bound = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / 300);
        assertThat(results.get(0).summaries().get(0).rollback()).isLessThanOrEqualTo(bound);
        assertThat(results.get(1).summaries().get(0).rollback()).isLessThanOrEqualTo(bound);
        assertThat(results.get(2).summaries().get(0).rollback()).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The reduced list of BENCHMARKS.md section 1, fixed seeds, the built-in scenarios at their full N_FH:
     * every identical-version and nuisance scenario within the false-rollback bound, a 3x failure-rate
     * regression rolled back within half of N_FH jobs (median), and a 1.5x slower candidate that fails no
     * more caught by the duration gate, not the failure-rate gate.
     */
    @Test
    void theReducedListHoldsTheJudgesBoundsAndCatchesWhatMattersMost() {
        List<Scenario> all = ScenarioFile.builtIn();
        List<Scenario> good = all.stream().filter(Scenario::mustPromote).toList();
        List<Scenario> bad = all.stream().filter(s -> s.name().equals("r-3") || s.name().equals("m-1.5")).toList();
        var sink = new PrintWriter(new StringWriter());
        int reps = 200;
        List<ScenarioResult> aa = BenchRunner.run(good, new BenchRunner.Settings(reps, 29, 2, List.of(Procedures.DROVER)), sink);
        List<ScenarioResult> regressions = BenchRunner.run(bad, new BenchRunner.Settings(100, 31, 2,
                List.of(Procedures.DROVER)), sink);

        assertThat(good).hasSizeGreaterThanOrEqualTo(13);
        double bound = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / reps);
        for (ScenarioResult r : aa) {
            assertThat(r.summaries().get(0).rollback()).as("false rollbacks in %s", r.scenario().name())
                    .isLessThanOrEqualTo(bound);
        }
        Summary r3 = regressions.get(0).summaries().get(0);
        assertThat(regressions.get(0).scenario().name()).isEqualTo("r-3");
        assertThat(r3.rollback()).isGreaterThanOrEqualTo(0.95);
        assertThat(r3.medianJobs()).isLessThanOrEqualTo(0.5 * regressions.get(0).scenario().horizon());
        Summary slower = regressions.get(1).summaries().get(0);
        assertThat(slower.rollback()).isGreaterThanOrEqualTo(0.95);
        assertThat(slower.failureGate()).as("share of its rollbacks made by the failure-rate gate").isLessThanOrEqualTo(0.02);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        var one = new BenchRunner.Settings(40, 5, 1, Procedures.names());
        var two = new BenchRunner.Settings(40, 5, 2, Procedures.names());
        var sink = new PrintWriter(new StringWriter());

        assertThat(Report.csv(BenchRunner.run(AA, two, sink), two).replace("reps=40", ""))
                .isEqualTo(Report.csv(BenchRunner.run(AA, one, sink), one).replace("reps=40", ""));
    }
}
