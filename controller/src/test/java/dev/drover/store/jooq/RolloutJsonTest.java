package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.judge.JudgeInput;
import dev.drover.rollout.Budget;
import dev.drover.rollout.Policy;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.StageSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloutJsonTest {
    private static final Policy WEIGHTED = new Policy(
            List.of(new StageSpec(List.of("canary"), Duration.ofMinutes(10), 40, 0.5, Duration.ofHours(2))),
            GatesSpec.DEFAULT, new Budget(0.03, 0.001), new JudgeInput.BootstrapLimits(0.2, 0.5), List.of(), 0, Set.of(),
            List.of());

    @Test
    void theWeightedSplitSurvivesTheRoundTrip() {
        assertThat(RolloutJson.policy(RolloutJson.policy(WEIGHTED))).isEqualTo(WEIGHTED);
    }

    @Test
    void aPolicyStoredWithOneAlphaForEveryTestKeepsItForEveryTest() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode stored = (ObjectNode) mapper.readTree(RolloutJson.policy(WEIGHTED));
        stored.remove("firstStageFailureAlpha"); // as written before the weighted split

        Policy policy = RolloutJson.policy(mapper.writeValueAsString(stored));

        assertThat(policy.budget()).isEqualTo(Budget.even(0.001));
        assertThat(policy.budget().failure(0)).isEqualTo(0.001);
    }
}
