package dev.drover.api;

import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.Service;
import dev.drover.service.Services;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import java.util.Optional;
import java.util.stream.IntStream;

/** A service's rollouts with their verdicts, its lock and events; rollback, abort, lock, unlock, promote. */
@Controller("/api/v1/services/{name}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "rollouts")
public class RolloutController {
    private final Services services;
    private final RolloutStore rollouts;
    private final RolloutCommands commands;

    public RolloutController(Services services, RolloutStore rollouts, RolloutCommands commands) {
        this.services = services;
        this.rollouts = rollouts;
        this.commands = commands;
    }

    @Get("/rollouts")
    @Operation(summary = "The service's rollouts, newest first")
    public List<RolloutViews.RolloutView> list(String name, @QueryValue(defaultValue = "20") int limit) {
        return rollouts.list(service(name).id(), Math.max(1, Math.min(limit, 500))).stream()
                .map(RolloutViews.RolloutView::of).toList();
    }

    @Get("/rollouts/{id}")
    @Operation(summary = "One rollout: its stages, and every tier's and gate's verdict with its evidence")
    public RolloutViews.RolloutDetail get(String name, long id) {
        Service service = service(name);
        Rollout r = rollouts.find(id).filter(x -> x.serviceId() == service.id())
                .orElseThrow(() -> ApiProblem.notFound("rollout of " + name, Long.toString(id)));
        List<RolloutViews.StagePlan> plan = r.policy() == null ? List.of()
                : IntStream.range(0, r.policy().stages().size())
                .mapToObj(i -> RolloutViews.StagePlan.of(i, r.policy().stage(i))).toList();
        return new RolloutViews.RolloutDetail(RolloutViews.RolloutView.of(r), plan,
                rollouts.stages(id).stream().map(RolloutViews.StageView::of).toList());
    }

    @Get("/lock")
    @Operation(summary = "The service's deploy lock")
    public RolloutViews.LockView lock(String name) {
        return lockOf(service(name));
    }

    private RolloutViews.LockView lockOf(Service service) {
        return RolloutViews.LockView.of(rollouts.lock(service.id()));
    }

    /** Names the call's target ({@code service/<target>}) and reason in the audit log; returns the reason. */
    private static String audit(HttpRequest<?> request, String target, String reason) {
        AuditNote.target(request, "service/" + target);
        AuditNote.reason(request, reason);
        return reason;
    }

    @Get("/events")
    @Operation(summary = "The service's rollout and lock events after an id, oldest first")
    public List<RolloutViews.EventView> events(String name, @QueryValue(defaultValue = "0") long after,
                                               @QueryValue(defaultValue = "100") int limit) {
        return rollouts.events(service(name).id(), after, Math.max(1, Math.min(limit, 1000))).stream()
                .map(RolloutViews.EventView::of).toList();
    }

    /** {@code drover rollback}: {@code to} and {@code tier} optional; a reason is required. */
    @Introspected
    public record RollbackRequest(@Nullable Integer to,
                                  @Nullable @Size(max = Input.TIER, message = Input.AT_MOST)
                                  @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String tier,
                                  @Nullable Boolean cancelRunning,
                                  @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
                                  @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
    }

    @Post("/rollback")
    @Secured(Roles.DEPLOYER)
    @Audited("rollback")
    @Operation(summary = "Every tier (or one) back on the previous good revision at once; locks the service")
    public RolloutViews.LockView rollback(HttpRequest<?> request, String name, @Valid @Body RollbackRequest body,
                                          Authentication caller) {
        Service service = service(name);
        String reason = audit(request, name + (body.tier() == null ? "" : "/tier/" + body.tier())
                + (body.to() == null ? "" : "/revision/" + body.to()), required(body.reason()));
        commands.rollback(service.id(), Optional.ofNullable(body.to()), Optional.ofNullable(body.tier()),
                Boolean.TRUE.equals(body.cancelRunning()), caller.getName(), reason);
        return lockOf(service);
    }

    /** A reason, for abort, lock and unlock. */
    @Introspected
    public record ReasonRequest(@Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
                                @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
    }

    @Post("/abort")
    @Secured(Roles.DEPLOYER)
    @Audited("abort")
    @Operation(summary = "Stop the rollout in flight and return its tiers to their stable revisions")
    public List<RolloutViews.RolloutView> abort(HttpRequest<?> request, String name, @Valid @Body ReasonRequest body,
                                                Authentication caller) {
        Service service = service(name);
        commands.abort(service.id(), caller.getName(), audit(request, name, required(body.reason())));
        return list(name, 5);
    }

    @Post("/lock")
    @Secured(Roles.DEPLOYER)
    @Audited("lock")
    @Operation(summary = "Lock the service: promotion pauses and queued rollouts wait (rollback and abort still go)")
    public RolloutViews.LockView lock(HttpRequest<?> request, String name, @Valid @Body ReasonRequest body,
                                      Authentication caller) {
        Service service = service(name);
        commands.lock(service.id(), caller.getName(), audit(request, name, required(body.reason())));
        return lockOf(service);
    }

    @Post("/unlock")
    @Secured(Roles.DEPLOYER)
    @Audited("unlock")
    @Operation(summary = "Clear the service's lock (a person's, or an automatic rollback's)")
    public RolloutViews.LockView unlock(HttpRequest<?> request, String name, @Valid @Body @Nullable ReasonRequest body,
                                        Authentication caller) {
        Service service = service(name);
        audit(request, name, body == null ? null : body.reason());
        commands.unlock(service.id(), caller.getName());
        return lockOf(service);
    }

    /** {@code full}: every remaining stage. */
    @Introspected
    public record PromoteRequest(@Nullable Boolean full,
                                 @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
                                 @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
    }

    @Post("/promote")
    @Secured(Roles.DEPLOYER)
    @Audited("promote")
    @Operation(summary = "Pass the current stage (or every remaining one) without the judge: an audited override")
    public RolloutViews.RolloutView promote(HttpRequest<?> request, String name, @Valid @Body PromoteRequest body,
                                            Authentication caller) {
        Service service = service(name);
        audit(request, name, "override of the judge" + (body.reason() == null ? "" : ": " + body.reason()));
        return RolloutViews.RolloutView.of(commands.promote(service.id(), Boolean.TRUE.equals(body.full()),
                caller.getName()));
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Reason required", "say why with --reason: it goes in the "
                    + "audit log and the notifications");
        }
        return reason;
    }

    private Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }
}
