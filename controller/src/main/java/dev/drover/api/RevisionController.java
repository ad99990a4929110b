package dev.drover.api;

import dev.drover.build.BuildQueue;
import dev.drover.commit.Commit;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.Services;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A service's revisions, and builds on request. */
@Controller("/api/v1/services/{name}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "builds")
public class RevisionController {
    private final Services services;
    private final RevisionStore revisions;
    private final BuildQueue queue;
    private final CommitController commits;

    public RevisionController(Services services, RevisionStore revisions, BuildQueue queue, CommitController commits) {
        this.services = services;
        this.revisions = revisions;
        this.queue = queue;
        this.commits = commits;
    }

    @Get("/revisions")
    @Operation(summary = "The service's revisions, newest first")
    public List<RevisionView> list(String name, @QueryValue(defaultValue = "50") int limit) {
        return revisions.list(service(name).id(), Limits.check(limit)).stream().map(RevisionView::of).toList();
    }

    @Get("/revisions/{number}")
    public RevisionView get(String name, int number) {
        return revisions.find(service(name).id(), number).map(RevisionView::of)
                .orElseThrow(() -> ApiProblem.notFound("revision", name + "/" + number));
    }

    /** {@code {"commit": "<sha or prefix>"}}. */
    @Introspected
    public record BuildRequest(@Nullable @Size(max = Input.COMMIT, message = Input.AT_MOST)
                               @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String commit,
                               @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
                               @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
    }

    @Post("/builds")
    @Secured(Roles.DEPLOYER)
    @Audited("build.request")
    @Operation(summary = "Build a commit even if newer ones exist (e.g. one batched into a newer build, to bisect)")
    public HttpResponse<Map<String, String>> request(HttpRequest<?> request, String name, @Valid @Body BuildRequest body) {
        Service service = service(name);
        Commit commit = commits.resolve(body.commit() == null ? "" : body.commit());
        AuditNote.target(request, "service/" + name + "/commit/" + commit.sha());
        AuditNote.reason(request, body.reason());
        if (commit.serviceId() != service.id()) {
            throw ApiProblem.notFound("commit of " + name, body.commit());
        }
        queue.request(service, commit.sha());
        return HttpResponse.accepted().body(Map.of("commit", commit.sha(), "status", "queued"));
    }

    private Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }
}
