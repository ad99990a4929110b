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

    @Test
    void infrastructureLossesHitTheArmAndThePartOfTheRunTheScenarioNames() {
        Scenario candidateOnly = new ScenarioBuilderFixture().with("nfh", "1000").with("infra", "0.2")
                .with("infraArm", "candidate").with("infraFrom", "0.25").with("infraTo", "0.5").build();
        List<Job> jobs = new Simulator(candidateOnly, 3).stream().jobs();
        assertThat(lost(jobs, Arm.BASELINE)).isZero();
        assertThat(lost(jobs, Arm.CANDIDATE)).isPositive();
        double runHours = candidateOnly.cap() / (candidateOnly.jobsPerHour() * 0.5 * (1 - 0.2));
        assertThat(jobs).filteredOn(j -> j.outcome() == Outcome.INFRA_FAILURE)
                .allSatisfy(j -> assertThat(j.startHours()).isBetween(0.25 * runHours, 0.5 * runHours));

        Scenario agents = new ScenarioBuilderFixture().with("nfh", "300").with("agentLosses", "2")
                .with("agentShare", "0.5").build();
        List<Job> hit = new Simulator(agents, 3).stream().jobs();
        assertThat(lost(hit, Arm.BASELINE)).isPositive();
        assertThat(lost(hit, Arm.CANDIDATE)).isPositive();
        // a whole agent at once: losses come in groups that end at the same instant
        long together = hit.stream().filter(j -> j.outcome() == Outcome.INFRA_FAILURE)
                .collect(java.util.stream.Collectors.groupingBy(Job::endHours, java.util.stream.Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
        assertThat(together).isPositive();
    }

    @Test
    void theP99OnlyMixtureRaisesP99ByHalfAndLeavesTheMedian() {
        for (double sigma : new double[] {0.5, 1}) {
            double shift = TailMixture.logFactor(sigma, 0.99) / sigma;
            double weight = TailMixture.weight(0.99);
            assertThat(TailMixture.cdf(0, shift, weight)).isCloseTo(0.5, within(1e-9));
            double p99 = 2.3263478740408408 + Math.log(1.5) / sigma;
            assertThat(TailMixture.cdf(p99, shift, weight)).isCloseTo(0.99, within(1e-6));
        }
    }

    private static long lost(List<Job> jobs, Arm arm) {
        return jobs.stream().filter(j -> j.arm() == arm && j.outcome() == Outcome.INFRA_FAILURE).count();
    }

    private static double rate(List<Job> jobs, Arm arm) {
        long judged = jobs.stream().filter(j -> j.arm() == arm && j.outcome().judged()).count();
        long failed = jobs.stream().filter(j -> j.arm() == arm && j.outcome().codeFailure()).count();
        return (double) failed / judged;
    }
}
