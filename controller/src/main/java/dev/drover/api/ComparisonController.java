package dev.drover.api;

import dev.drover.job.JobStore;
import dev.drover.rollout.ArmSummary;
import dev.drover.rollout.Evidence;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutStore;
import dev.drover.rollout.StageRecord;
import dev.drover.rollout.TierEvidence;
import dev.drover.service.Service;
import dev.drover.service.Services;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A stage's candidate and baseline side by side, per tier: what the dashboard's rollout page draws. */
@Controller("/api/v1/services/{name}/rollouts/{id}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rollouts")
public class ComparisonController {
    private final Services services;
    private final RolloutStore rollouts;
    private final Evidence evidence;

    public ComparisonController(Services services, RolloutStore rollouts, JobStore jobs, Clock clock) {
        this.services = services;
        this.rollouts = rollouts;
        this.evidence = new Evidence(jobs, clock);
    }

    /**
     * @param stage   from 1
     * @param endedAt null while the stage runs
     */
    public record StageComparison(long rollout, int stage, Instant startedAt, Instant endedAt, List<TierComparison> tiers) {
    }

    /** One tier: the candidate's arm and the baseline's (null in a first revision's bootstrap). */
    public record TierComparison(String tier, ArmSummary candidate, ArmSummary baseline) {
    }

    @Get("/comparison")
    @Operation(summary = "Candidate vs baseline per tier in a stage (default: the latest): failure rate with its "
            + "95% interval, infrastructure failures, duration quantiles and values, peak memory, cost per job")
    public StageComparison comparison(String name, long id, @Nullable @QueryValue Integer stage) {
        Service service = services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
        Rollout r = rollouts.find(id).filter(x -> x.serviceId() == service.id())
                .orElseThrow(() -> ApiProblem.notFound("rollout of " + name, Long.toString(id)));
        List<StageRecord> stages = rollouts.stages(id);
        StageRecord chosen = (stage == null ? stages.stream().max(Comparator.comparingInt(StageRecord::stage))
                : stages.stream().filter(s -> s.stage() == stage - 1).findFirst())
                .orElseThrow(() -> ApiProblem.notFound("stage of rollout " + id, stage == null ? "any" : stage.toString()));
        List<TierComparison> tiers = chosen.tiers().stream().map(tier -> {
            TierEvidence e = evidence.of(r, tier, chosen.startedAt(), chosen.endedAt());
            return new TierComparison(tier, ArmSummary.of(e.candidate()), e.baseline().map(ArmSummary::of).orElse(null));
        }).toList();
        return new StageComparison(id, chosen.stage() + 1, chosen.startedAt(), chosen.endedAt(), tiers);
    }
}
