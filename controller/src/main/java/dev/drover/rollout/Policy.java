package dev.drover.rollout;

import dev.drover.judge.JudgeInput;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.MemoryGate;
import dev.drover.spec.StageSpec;
import java.util.List;
import java.util.Set;

/**
 * The policy a rollout is governed by, compiled once when it starts: the stable revision's stages and
 * gates (the candidate's own for a first revision) raised to the controller's floors, and the rollout's
 * false-rollback budget split over every test it will run ({@link Budget}).
 *
 * @param budget each test's share of the rollout's false-rollback budget
 * @param raised what the floors changed, in words (empty when nothing)
 * @param replayRecent replayed canary load: how many recent jobs' parameters fill a thin stage (0: off)
 * @param memoryUnmeasured tiers whose target reports no peak memory (AWS Batch): the memory gate is not
 *                         judged there, rather than wait for data that never comes
 * @param tooSmall         stages too small to roll back even a candidate failing every job, in words: such a
 *                         candidate is held there until the deadline (said when the rollout starts)
 */
public record Policy(List<StageSpec> stages, GatesSpec gates, Budget budget, JudgeInput.BootstrapLimits limits,
                     List<String> raised, int replayRecent, Set<String> memoryUnmeasured, List<String> tooSmall) {

    public Policy {
        stages = List.copyOf(stages);
        raised = List.copyOf(raised);
        tooSmall = tooSmall == null ? List.of() : List.copyOf(tooSmall);
        memoryUnmeasured = memoryUnmeasured == null ? Set.of() : Set.copyOf(memoryUnmeasured);
    }

    /** The gates judged on one tier: the policy's, without the memory gate where memory is not measured. */
    public GatesSpec gates(String tier) {
        if (!memoryUnmeasured.contains(tier) || !gates.memory().enabled()) {
            return gates;
        }
        return new GatesSpec(gates.failureRate(), gates.duration(), new MemoryGate(gates.memory().tolerance(), false),
                gates.costPerJob(), gates.manualApproval());
    }

    public StageSpec stage(int index) {
        return stages.get(index);
    }

    public boolean last(int index) {
        return index == stages.size() - 1;
    }
}
