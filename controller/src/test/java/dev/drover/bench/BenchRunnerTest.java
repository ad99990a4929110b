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

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        var one = new BenchRunner.Settings(40, 5, 1, Procedures.names());
        var two = new BenchRunner.Settings(40, 5, 2, Procedures.names());
        var sink = new PrintWriter(new StringWriter());

        assertThat(Report.csv(BenchRunner.run(AA, two, sink), two).replace("reps=40", ""))
                .isEqualTo(Report.csv(BenchRunner.run(AA, one, sink), one).replace("reps=40", ""));
    }
}
