package dev.drover.rollout;

import dev.drover.judge.Judge;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import dev.drover.spec.StageSpec;
import dev.drover.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Policy comes from the stable side: a rollout follows the stages and gates of the revision that is
 * stable when it starts (the candidate's own only when there is none), raised to the floors. A
 * candidate that lowers its minimum jobs or drops a gate changes nothing until it is stable itself.
 */
public final class PolicyCompiler {
    private final Floors floors;
    private final Judge judge;
    private final Set<String> memorylessTargets;

    public PolicyCompiler(Floors floors, Judge judge) {
        this(floors, judge, Set.of());
    }

    /** @param memorylessTargets targets whose backend reports no peak memory (AWS Batch's) */
    public PolicyCompiler(Floors floors, Judge judge, Set<String> memorylessTargets) {
        this.floors = floors;
        this.judge = judge;
        this.memorylessTargets = Set.copyOf(memorylessTargets);
    }

    public Policy compile(RevisionSpec governing) {
        List<String> raised = new ArrayList<>();
        List<StageSpec> stages = new ArrayList<>();
        for (int i = 0; i < governing.stageSpecs().size(); i++) {
            stages.add(raise(governing.stageSpecs().get(i), i + 1, raised));
        }
        GatesSpec gates = required(governing.gates(), raised);
        Budget budget = Budget.split(floors.rolloutAlpha(), stages, judge.testsPerTier(gates));
        return new Policy(stages, gates, budget, floors.bootstrap(), raised, governing.canaryLoad().replayRecent(),
                memoryUnmeasured(governing, gates), tooSmall(stages, gates, budget));
    }

    /** Stages too small to roll back even a candidate that fails every job, in words (and what would be enough). */
    private List<String> tooSmall(List<StageSpec> stages, GatesSpec gates, Budget budget) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            OptionalInt needed = judge.pairsToCatchAlwaysFailing(gates, budget.failure(i));
            if (needed.isPresent() && stages.get(i).minJobs() < needed.getAsInt()) {
                notes.add(tooSmall(i + 1, stages.get(i).minJobs(), needed.getAsInt()));
            }
        }
        return notes;
    }

    /** The words for one stage that cannot roll back a candidate failing every job within its minJobs. */
    public static String tooSmall(int stage, int minJobs, int needed) {
        return "stage " + stage + " (minJobs " + minJobs + ") is too small to roll back even a candidate that fails"
                + " every job: that takes " + needed + " pairs at this budget, so such a candidate is held until the"
                + " stage's deadline and paused for a person; minJobs " + needed + " would roll it back";
    }

    /**
     * The tiers on a target that reports no peak memory, where an enabled memory gate is not judged; unless
     * the controller requires the gate, which then waits for data there as everywhere (and says so).
     */
    private Set<String> memoryUnmeasured(RevisionSpec governing, GatesSpec gates) {
        if (!gates.memory().enabled() || floors.requiredGates().contains("memory")) {
            return Set.of();
        }
        Set<String> tiers = new TreeSet<>();
        governing.tiers().stream().filter(t -> memorylessTargets.contains(t.target())).forEach(t -> tiers.add(t.name()));
        return tiers;
    }

    private StageSpec raise(StageSpec stage, int number, List<String> raised) {
        var bake = stage.bake();
        if (bake.compareTo(floors.minBake()) < 0) {
            raised.add("stage " + number + ": bake raised from " + Durations.format(bake) + " to "
                    + Durations.format(floors.minBake()));
            bake = floors.minBake();
        }
        int minJobs = stage.minJobs();
        if (minJobs < floors.minJobs()) {
            raised.add("stage " + number + ": minJobs raised from " + minJobs + " to " + floors.minJobs());
            minJobs = floors.minJobs();
        }
        var deadline = stage.deadline().compareTo(bake) > 0 ? stage.deadline() : bake.multipliedBy(2);
        return new StageSpec(stage.tiers(), bake, minJobs, stage.split(), deadline);
    }

    private GatesSpec required(GatesSpec gates, List<String> raised) {
        var duration = gates.duration();
        if (!duration.enabled() && floors.requiredGates().contains("duration")) {
            duration = new DurationGate(duration.quantiles().isEmpty() ? DurationGate.DEFAULT.quantiles()
                    : duration.quantiles(), duration.tolerance(), true);
            raised.add("duration gate required by the controller");
        }
        var memory = gates.memory();
        if (!memory.enabled() && floors.requiredGates().contains("memory")) {
            memory = new MemoryGate(memory.tolerance(), true);
            raised.add("memory gate required by the controller");
        }
        var cost = gates.costPerJob();
        if (!cost.enabled() && floors.requiredGates().contains("costPerJob")) {
            cost = new CostPerJobGate(cost.tolerance(), true);
            raised.add("cost-per-job gate required by the controller");
        }
        var manual = gates.manualApproval();
        if (!manual.enabled() && floors.requiredGates().contains("manualApproval")) {
            manual = new ManualApprovalGate(true);
            raised.add("manual approval required by the controller");
        }
        return new GatesSpec(gates.failureRate(), duration, memory, cost, manual);
    }
}
