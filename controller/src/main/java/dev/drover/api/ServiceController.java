package dev.drover.api;

import dev.drover.build.Build;
import dev.drover.build.BuildStore;
import dev.drover.commit.CommitIntake;
import dev.drover.commit.CommitStore;
import dev.drover.commit.MirrorException;
import dev.drover.commit.MirrorStateStore;
import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;

@Controller("/api/v1/services")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "services")
public class ServiceController {
    private final Services services;
    private final CommitStore commits;
    private final MirrorStateStore mirrors;
    private final CommitIntake intake;
    private final BuildStore builds;

    public ServiceController(Services services, CommitStore commits, MirrorStateStore mirrors, CommitIntake intake,
                             BuildStore builds) {
        this.services = services;
        this.commits = commits;
        this.mirrors = mirrors;
        this.intake = intake;
        this.builds = builds;
    }

    @Post
    @Secured(Roles.ADMIN)
    @Audited("service.add")
    @Operation(summary = "Add a service: a git repository and branch with a drover.yaml at its root")
    public HttpResponse<ServiceView> add(HttpRequest<?> request, @Valid @Body AddServiceRequest body) {
        AuditNote.target(request, "service/" + body.name());
        AuditNote.reason(request, body.reason());
        SecretText secret = body.webhookSecret() == null || body.webhookSecret().isBlank()
                ? null : new SecretText(body.webhookSecret().trim());
        Service added = services.add(new ServiceSettings(body.name(), body.repo(),
                body.branch() == null ? "main" : body.branch(), secret, body.credentials()));
        return HttpResponse.created(view(added, List.of()));
    }

    @Get
    @Operation(summary = "Services, each with its mirror's state and newest commit")
    public List<ServiceView> list() {
        List<Build> active = builds.unfinished();
        return services.list().stream().map(s -> view(s, active)).toList();
    }

    @Get("/{name}")
    public ServiceView get(String name) {
        return view(service(name), builds.unfinished());
    }

    @Get("/{name}/commits")
    @Operation(summary = "The service's recorded commits, newest first")
    public List<CommitView> commits(String name, @QueryValue(defaultValue = "50") int limit) {
        return commits.list(service(name).id(), Limits.check(limit)).stream().map(CommitView::of).toList();
    }

    @Get("/{name}/rewrites")
    @Operation(summary = "Force-pushes that rewrote the branch's history, newest first")
    public List<RewriteView> rewrites(String name, @QueryValue(defaultValue = "50") int limit) {
        return mirrors.rewrites(service(name).id(), Limits.check(limit)).stream().map(RewriteView::of).toList();
    }

    @Post("/{name}/fetch")
    @Secured(Roles.DEPLOYER)
    @Audited("service.fetch")
    @Operation(summary = "Fetch the service's branch now and record new commits")
    public Map<String, Object> fetch(HttpRequest<?> request, String name) {
        AuditNote.target(request, "service/" + name);
        try {
            return Map.of("result", intake.synchronize(service(name)).describe());
        } catch (MirrorException e) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "Fetch failed", e.getMessage());
        }
    }

    Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }

    private ServiceView view(Service s, List<Build> unfinished) {
        Build active = unfinished.stream().filter(b -> b.serviceId() == s.id()).findFirst().orElse(null);
        return ServiceView.of(s, mirrors.find(s.id()).orElse(null), commits.newest(s.id()).orElse(null), active);
    }
}
