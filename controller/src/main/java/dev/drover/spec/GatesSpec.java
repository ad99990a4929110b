package dev.drover.spec;

import java.util.List;
import java.util.Objects;

/** The gates a rollout is judged by; each is on with its default unless the file changes it. */
public record GatesSpec(
        FailureRateGate failureRate,
        DurationGate duration,
        MemoryGate memory,
        CostPerJobGate costPerJob,
        ManualApprovalGate manualApproval) {

    public static final GatesSpec DEFAULT = new GatesSpec(FailureRateGate.DEFAULT, DurationGate.DEFAULT,
            MemoryGate.DEFAULT, CostPerJobGate.DEFAULT, ManualApprovalGate.DEFAULT);

    public GatesSpec {
        Objects.requireNonNull(failureRate, "failureRate");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(costPerJob, "costPerJob");
        Objects.requireNonNull(manualApproval, "manualApproval");
    }

    /** Every gate, in the order the docs and the plan list them. */
    public List<Gate> all() {
        return List.of(failureRate, duration, memory, costPerJob, manualApproval);
    }
}
