package dev.drover.rollout;

import dev.drover.judge.JudgeInput;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.StageSpec;
import java.util.List;

/**
 * The policy a rollout is governed by, compiled once when it starts: the stable revision's stages and
 * gates (the candidate's own for a first revision) raised to the controller's floors, and the rollout's
 * false-rollback budget split evenly over every test it will run.
 *
 * @param alpha  the share of the budget for each single test
 * @param raised what the floors changed, in words (empty when nothing)
 * @param replayRecent replayed canary load: how many recent jobs' parameters fill a thin stage (0: off)
 */
public record Policy(List<StageSpec> stages, GatesSpec gates, double alpha, JudgeInput.BootstrapLimits limits,
                     List<String> raised, int replayRecent) {

    public Policy {
        stages = List.copyOf(stages);
        raised = List.copyOf(raised);
    }

    public StageSpec stage(int index) {
        return stages.get(index);
    }

    public boolean last(int index) {
        return index == stages.size() - 1;
    }
}
