package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drover.spec.StageSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static StageSpec stage(String... tiers) {
        return new StageSpec(List.of(tiers), Duration.ofMinutes(10), 20, 0.5, Duration.ofHours(2));
    }

    @Test
    void theFirstStagesFailureTestGetsTwoThirdsAndEveryOtherTestAnEvenPartOfTheRest() {
        List<StageSpec> fourStages = List.of(stage("canary"), stage("c1"), stage("c2"), stage("c3"));

        Budget budget = Budget.split(0.05, fourStages, 5);

        assertThat(1 / budget.firstStageFailure()).isCloseTo(30, within(1e-9));
        assertThat(1 / budget.other()).isCloseTo(1140, within(1e-6)); // 19 other tests share a third of 0.05
        assertThat(budget.failure(0)).isEqualTo(budget.firstStageFailure());
        assertThat(budget.failure(1)).isEqualTo(budget.other());
    }

    @Test
    void theSharesNeverAddUpToMoreThanTheBudget() {
        List<List<StageSpec>> rollouts = List.of(List.of(stage("only")), List.of(stage("gpu", "spot"), stage("c1")),
                List.of(stage("canary-gpu", "canary-spot"), stage("c1"), stage("c2"), stage("c3")));
        for (List<StageSpec> stages : rollouts) {
            for (int testsPerTier = 2; testsPerTier <= 5; testsPerTier++) {
                Budget budget = Budget.split(0.05, stages, testsPerTier);
                int tiers = stages.stream().mapToInt(s -> s.tiers().size()).sum();
                int firstTiers = stages.get(0).tiers().size();
                double spent = firstTiers * budget.firstStageFailure() + (tiers * testsPerTier - firstTiers) * budget.other();
                assertThat(spent).as(stages + " x " + testsPerTier).isCloseTo(0.05, within(1e-12));
            }
        }
    }

    @Test
    void twoTiersInTheFirstStageShareItsFailureShare() {
        Budget budget = Budget.split(0.05, List.of(stage("canary-gpu", "canary-spot"), stage("c1")), 5);

        assertThat(1 / budget.firstStageFailure()).isCloseTo(60, within(1e-9));
    }
}
