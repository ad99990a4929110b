package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.judge.FixedHorizonJudge;
import dev.drover.judge.JudgeInput;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a target reports no peak memory (AWS Batch), the memory gate is not judged, unless the controller requires it. */
class PolicyCompilerTest {
    private static Floors floors(Set<String> required) {
        return new Floors(Duration.ZERO, 1, required, 0.05, new JudgeInput.BootstrapLimits(0.2, 0.5));
    }

    @Test
    void theMemoryGateIsNotJudgedOnTiersWhoseTargetReportsNoMemory() {
        Policy policy = new PolicyCompiler(floors(Set.of()), new FixedHorizonJudge(), Set.of("gpu-spot", "cpu-spot"))
                .compile(RolloutRig.spec());

        assertThat(policy.memoryUnmeasured()).containsExactlyInAnyOrder("canary-gpu", "canary-spot");
        assertThat(policy.gates("canary-gpu").memory().enabled()).isFalse();
        assertThat(policy.gates("canary-spot").memory().enabled()).isFalse();
        assertThat(policy.gates("c1").memory().enabled()).isTrue();
        assertThat(policy.gates("canary-gpu").duration()).isEqualTo(policy.gates().duration());
    }

    @Test
    void aMemoryGateTheControllerRequiresIsJudgedEverywhere() {
        Policy policy = new PolicyCompiler(floors(Set.of("memory")), new FixedHorizonJudge(), Set.of("gpu-spot"))
                .compile(RolloutRig.spec());

        assertThat(policy.memoryUnmeasured()).isEmpty();
        assertThat(policy.gates("canary-gpu").memory().enabled()).isTrue();
    }
}
