package dev.drover.api;

import dev.drover.commit.MirrorStateStore;
import dev.drover.job.JobStore;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.Evidence;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutState;
import dev.drover.rollout.RolloutStore;
import dev.drover.rollout.StageRecord;
import dev.drover.service.Service;
import dev.drover.service.Services;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code drover status SERVICE} in one request: the last fetch, lock, tiers, the rollout and its stage's progress and verdicts. */
@Controller("/api/v1/services/{name}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rollouts")
public class ServiceStatusController {
    private final Services services;
    private final MirrorStateStore mirrors;
    private final TierStateStore tiers;
    private final RolloutStore rollouts;
    private final RevisionStore revisions;
    private final Evidence evidence;
    private final Clock clock;

    public ServiceStatusController(Services services, MirrorStateStore mirrors, TierStateStore tiers, RolloutStore rollouts,
                                   RevisionStore revisions, JobStore jobs, Clock clock) {
        this.services = services;
        this.mirrors = mirrors;
        this.tiers = tiers;
        this.rollouts = rollouts;
        this.revisions = revisions;
        this.evidence = new Evidence(jobs, clock);
        this.clock = clock;
    }

    /** The tiers in the order of the newest revision's drover.yaml (the ladder), any others after them by name. */
    private List<TierState> ladder(long serviceId) {
        List<String> order = revisions.list(serviceId, 1).stream()
                .flatMap(r -> r.spec().tiers().stream().map(RevisionSpec.Tier::name)).toList();
        return tiers.list(serviceId).stream().sorted(Comparator.comparingInt((TierState t) -> {
            int at = order.indexOf(t.tier());
            return at < 0 ? Integer.MAX_VALUE : at;
        }).thenComparing(TierState::tier)).toList();
    }

    @Get("/status")
    @Operation(summary = "The service at a glance: lock, tiers, the rollout in flight with its stage's progress and verdicts")
    public ServiceStatusView status(String name) {
        Service service = services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
        Instant now = clock.instant();
        List<Rollout> open = rollouts.open(service.id());
        Optional<Rollout> shown = open.stream().filter(r -> r.state().inFlight()).findFirst()
                .or(() -> open.stream().findFirst())
                .or(() -> rollouts.list(service.id(), 1).stream().findFirst());
        int queued = (int) open.stream().filter(r -> r.state() == RolloutState.QUEUED)
                .filter(r -> shown.map(s -> s.id() != r.id()).orElse(true)).count();
        Optional<StageRecord> judged = shown.flatMap(r -> rollouts.stages(r.id()).stream()
                .max(Comparator.comparingInt(StageRecord::stage)));
        return new ServiceStatusView(service.name(), now, mirrors.find(service.id()).map(ServiceView.Mirror::of).orElse(null),
                RolloutViews.LockView.of(rollouts.lock(service.id())),
                ladder(service.id()).stream().map(DeployController.TierView::of).toList(),
                shown.map(RolloutViews.RolloutView::of).orElse(null), queued,
                shown.filter(r -> r.state().inFlight())
                        .map(r -> ServiceStatusView.StageProgress.of(r, evidence.ofStage(r), now)).orElse(null),
                judged.map(s -> s.stage() + 1).orElse(0), judged.map(StageRecord::outcome).orElse(null),
                judged.map(s -> s.verdicts().stream().map(RolloutViews.TierVerdictView::of).toList()).orElse(List.of()));
    }
}
