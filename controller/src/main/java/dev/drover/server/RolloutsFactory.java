package dev.drover.server;

import dev.drover.job.JobStore;
import dev.drover.job.WorkSignal;
import dev.drover.judge.FixedHorizonJudge;
import dev.drover.judge.SequentialJudge;
import dev.drover.judge.Judge;
import dev.drover.judge.JudgeInput;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.Floors;
import dev.drover.rollout.PolicyCompiler;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutDecider;
import dev.drover.rollout.RolloutEngine;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.ServiceStore;
import dev.drover.spec.Gate;
import dev.drover.spec.GatesSpec;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqRolloutStore;
import dev.drover.target.Target;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Wires rollouts: the store, the judge, the policy floors, the engine and the commands people use. */
@Factory
public class RolloutsFactory {
    /** Gates a controller can require: every gate but the failure rate, which is always on. */
    private static final Set<String> GATES = GatesSpec.DEFAULT.all().stream().map(Gate::key)
            .filter(key -> !key.equals(GatesSpec.DEFAULT.failureRate().key())).collect(Collectors.toSet());

    @Singleton
    RolloutStore rolloutStore(Database database) {
        return new JooqRolloutStore(database.dsl());
    }

    @Singleton
    Judge judge(RolloutsConfig config) {
        return switch (config.judge() == null ? "" : config.judge().trim()) {
            case "fixed-horizon" -> new FixedHorizonJudge();
            case "sequential" -> new SequentialJudge();
            default -> throw new IllegalArgumentException("drover.rollouts.judge is '" + config.judge()
                    + "': use fixed-horizon or sequential");
        };
    }

    @Singleton
    PolicyCompiler policyCompiler(RolloutsConfig config, Judge judge, List<Target> targets) {
        Set<String> required = new HashSet<>();
        for (String gate : config.requiredGates() == null ? List.<String>of() : config.requiredGates()) {
            if (gate.isBlank()) {
                continue;
            }
            if (!GATES.contains(gate.trim())) {
                throw new IllegalArgumentException("drover.rollouts.required-gates: unknown gate '" + gate
                        + "' (use one of " + GATES + "; failureRate is always on)");
            }
            required.add(gate.trim());
        }
        Floors floors = new Floors(config.minBake(), Math.max(1, config.minJobs()), required,
                config.falseRollbackBudget(), new JudgeInput.BootstrapLimits(config.bootstrapMaxFailureRate(),
                config.bootstrapMaxInfraFailureRate()));
        // AWS Batch reports no job's peak memory: the memory gate is not judged on its tiers.
        return new PolicyCompiler(floors, judge, targets.stream().filter(Target::batch).map(Target::name)
                .collect(Collectors.toSet()));
    }

    @Singleton
    RolloutEngine rolloutEngine(RolloutStore rollouts, TierStateStore tiers, RevisionStore revisions,
                                ServiceStore services, JobStore jobs, PolicyCompiler compiler, Judge judge,
                                WorkSignal signal, RolloutsConfig config, Clock clock) {
        return new RolloutEngine(rollouts, tiers, revisions, services, jobs, compiler, new RolloutDecider(judge),
                publisher(signal), signal::signal, leaderId(config), config.lease(), clock);
    }

    @Singleton
    RolloutCommands rolloutCommands(RolloutStore rollouts, TierStateStore tiers, RevisionStore revisions,
                                    WorkSignal signal, Clock clock) {
        return new RolloutCommands(rollouts, tiers, revisions, publisher(signal), clock);
    }

    /**
     * After a commit: wake agents' polls, as the tiers may route differently now. (Events are read back
     * from the store, {@code GET /api/v1/services/{s}/events}; nothing else listens in process.)
     */
    private static Consumer<RolloutEvent> publisher(WorkSignal signal) {
        return event -> signal.signal();
    }

    static String leaderId(RolloutsConfig config) {
        if (config.leaderId() != null && !config.leaderId().isBlank()) {
            return config.leaderId();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "drover-controller";
        }
    }
}
