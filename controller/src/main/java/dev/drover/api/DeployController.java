package dev.drover.api;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutCommands;
import dev.drover.service.Service;
import dev.drover.service.Services;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What is live on a service's tiers, and {@code deploy}: a request for a rollout of a green revision
 * (the newest, one by number, or the one built from a commit). It queues behind a rollout in flight; a
 * person's lock refuses it (423) unless forced.
 */
@Controller("/api/v1/services/{name}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rollouts")
public class DeployController {
    private static final int COMMIT_SCAN = 1000;

    private final Services services;
    private final RevisionStore revisions;
    private final TierStateStore tiers;
    private final RolloutCommands commands;

    public DeployController(Services services, RevisionStore revisions, TierStateStore tiers, RolloutCommands commands) {
        this.services = services;
        this.revisions = revisions;
        this.tiers = tiers;
        this.commands = commands;
    }

    /** A tier's live state; {@code previousStable} is where a rollback outside a rollout takes it. */
    public record TierView(String tier, Integer stable, Integer candidate, double split, Integer previousStable) {
        static TierView of(TierState s) {
            return new TierView(s.tier(), s.stable(), s.candidate(), s.split(), s.previousStable());
        }
    }

    @Get("/tiers")
    @Operation(summary = "Each tier's stable and candidate revisions and split")
    public List<TierView> tiers(String name) {
        return tiers.list(service(name).id()).stream().map(TierView::of).toList();
    }

    /** {@code {"revision": N}} or {@code {"commit": "abc123"}} or neither (the newest green revision). */
    @Introspected
    public record DeployRequest(@Nullable Integer revision,
                                @Nullable @Size(max = Input.COMMIT, message = Input.AT_MOST)
                                @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String commit,
                                @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
                                @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason,
                                @Nullable Boolean force) {
    }

    @Post("/deploy")
    @Secured(Roles.DEPLOYER)
    @Audited("deploy")
    @Operation(summary = "Request a rollout of a green revision (newest, --revision N or --commit SHA)")
    public RolloutViews.RolloutView deploy(HttpRequest<?> request, String name, @Valid @Body DeployRequest body,
                                           Authentication caller) {
        Service service = service(name);
        Revision revision = chosen(service, body);
        boolean force = Boolean.TRUE.equals(body.force());
        AuditNote.target(request, "service/" + name + "/revision/" + revision.number());
        AuditNote.reason(request, force ? "forced: " + body.reason() : body.reason());
        return RolloutViews.RolloutView.of(commands.deploy(service.id(), revision.number(), caller.getName(),
                body.reason(), force));
    }

    private Revision chosen(Service service, DeployRequest body) {
        if (body.revision() != null && body.commit() != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "give --revision or --commit, not both");
        }
        if (body.revision() != null) {
            return revisions.find(service.id(), body.revision())
                    .orElseThrow(() -> ApiProblem.notFound("revision of " + service.name(), body.revision().toString()));
        }
        List<Revision> recent = revisions.list(service.id(), body.commit() == null ? 1 : COMMIT_SCAN);
        if (body.commit() == null) {
            return recent.stream().findFirst().orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "Nothing to deploy",
                    "service '" + service.name() + "' has no green revision yet (drover commits " + service.name() + ")"));
        }
        String prefix = body.commit().toLowerCase(java.util.Locale.ROOT);
        if (prefix.length() < 4) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "--commit needs at least 4 hex digits");
        }
        return recent.stream().filter(r -> r.commitSha().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "No revision for that commit", "commit "
                        + body.commit() + " has no revision: it was not built, its tests failed, or it was batched "
                        + "(drover commits " + service.name() + "; drover build " + service.name() + " --commit SHA)"));
    }

    private Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }
}
