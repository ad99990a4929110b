package dev.drover.api;

import dev.drover.job.WorkSignal;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.Services;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;

/**
 * What is live on a service's tiers, and {@code deploy --revision N}: every tier of revision N's
 * drover.yaml on N at once (until rollouts walk revisions through stages, no revision goes live by itself).
 */
@Controller("/api/v1/services/{name}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tiers")
public class DeployController {
    private final Services services;
    private final RevisionStore revisions;
    private final TierStateStore tiers;
    private final WorkSignal signal;
    private final Clock clock;

    public DeployController(Services services, RevisionStore revisions, TierStateStore tiers, WorkSignal signal,
                            Clock clock) {
        this.services = services;
        this.revisions = revisions;
        this.tiers = tiers;
        this.signal = signal;
        this.clock = clock;
    }

    /** A tier's live state. */
    public record TierView(String tier, Integer stable, Integer candidate, double split) {
        static TierView of(TierState s) {
            return new TierView(s.tier(), s.stable(), s.candidate(), s.split());
        }
    }

    @Get("/tiers")
    @Operation(summary = "Each tier's stable and candidate revisions and split")
    public List<TierView> tiers(String name) {
        return tiers.list(service(name).id()).stream().map(TierView::of).toList();
    }

    /** {@code {"revision": N, "reason": "..."}}. */
    public record DeployRequest(int revision, @Nullable String reason) {
    }

    @Post("/deploy")
    @Secured(Roles.DEPLOYER)
    @Audited("deploy")
    @Operation(summary = "Put every tier of revision N's drover.yaml on revision N as stable")
    public List<TierView> deploy(HttpRequest<?> request, String name, @Body DeployRequest body) {
        Service service = service(name);
        AuditNote.target(request, "service/" + name + "/revision/" + body.revision());
        AuditNote.reason(request, body.reason());
        Revision revision = revisions.find(service.id(), body.revision())
                .orElseThrow(() -> ApiProblem.notFound("revision of " + name, Integer.toString(body.revision())));
        List<String> names = revision.spec().tiers().stream().map(RevisionSpec.Tier::name).toList();
        tiers.deployAll(service.id(), names, revision.number(), clock.instant());
        signal.signal();
        return tiers(name);
    }

    private Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }
}
