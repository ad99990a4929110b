package dev.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final Scenario SMALL = new ScenarioBuilderFixture().with("nfh", "300").build();

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        List<Job> a = new Simulator(SMALL, 42).stream().jobs();
        List<Job> b = new Simulator(SMALL, 42).stream().jobs();
        List<Job> c = new Simulator(SMALL, 43).stream().jobs();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void eachArmGetsItsCapOfJudgedJobsAndEventsComeInTimeOrder() {
        CanaryStream stream = new Simulator(SMALL, 1).stream();
        long candidate = stream.jobs().stream().filter(j -> j.candidate() && j.outcome().judged()).count();
        long baseline = stream.jobs().stream().filter(j -> !j.candidate() && j.outcome().judged()).count();
        assertThat(Math.min(candidate, baseline)).isEqualTo(SMALL.cap());

        double last = 0;
        for (int e = 0; e < stream.events(); e++) {
            Job j = stream.job(e);
            double t = stream.completion(e) ? j.endHours() : j.startHours();
            assertThat(t).isGreaterThanOrEqualTo(last - 1e-6);
            last = t;
        }
    }

    @Test
    void ratesFollowTheScenario() {
        Scenario s = new ScenarioBuilderFixture().with("nfh", "3000").with("r", "3").with("infra", "0.1").build();
        List<Job> jobs = new Simulator(s, 5).stream().jobs();

        assertThat(rate(jobs, Arm.BASELINE)).isCloseTo(0.02, within(0.005));
        assertThat(rate(jobs, Arm.CANDIDATE)).isCloseTo(0.06, within(0.01));
        double infra = (double) jobs.stream().filter(j -> j.outcome() == Outcome.INFRA_FAILURE).count() / jobs.size();
        assertThat(infra).isCloseTo(0.1, within(0.01));
    }

    @Test
    void failuresCompleteWhenTheirArmFailsAfter() {
        Scenario s = new ScenarioBuilderFixture().with("nfh", "300").with("failAfterCandidate", "1")
                .with("failAfterBaseline", "20").build();
        for (Job j : new Simulator(s, 9).stream().jobs()) {
            if (j.outcome() == Outcome.CODE_FAILURE) {
                assertThat(j.durationMinutes()).isEqualTo(j.candidate() ? 1.0 : 20.0);
                assertThat(j.endHours() - j.startHours()).isCloseTo(j.durationMinutes() / 60, within(1e-9));
            }
        }
    }

    @Test
    void theTailOnlyMixtureRaisesP95ByHalfAndLeavesTheMedian() {
        for (double sigma : new double[] {0.5, 1}) {
            double shift = TailMixture.logFactor(sigma) / sigma;
            assertThat(TailMixture.cdf(0, shift)).isCloseTo(0.5, within(1e-9));
            double p95 = 1.6448536269514722 + Math.log(1.5) / sigma;
            assertThat(TailMixture.cdf(p95, shift)).isCloseTo(0.95, within(1e-6));
        }
    }

    private static double rate(List<Job> jobs, Arm arm) {
        long judged = jobs.stream().filter(j -> j.arm() == arm && j.outcome().judged()).count();
        long failed = jobs.stream().filter(j -> j.arm() == arm && j.outcome().codeFailure()).count();
        return (double) failed / judged;
    }
}
