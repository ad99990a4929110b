package dev.drover.api;

import dev.drover.build.Build;
import dev.drover.build.BuildStore;
import dev.drover.commit.Commit;
import dev.drover.commit.CommitStore;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** A commit by its id (or a unique prefix of 7 or more characters), of whichever service it belongs to. */
@Controller("/api/v1/commits/{sha}")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "builds")
public class CommitController {
    private final CommitStore commits;
    private final BuildStore builds;

    public CommitController(CommitStore commits, BuildStore builds) {
        this.commits = commits;
        this.builds = builds;
    }

    /** The commit and its newest build. */
    public record CommitBuildView(CommitView commit, BuildView build) {
    }

    @Get
    @Operation(summary = "A commit and its newest build")
    public CommitBuildView get(String sha) {
        Commit commit = resolve(sha);
        return new CommitBuildView(CommitView.of(commit), builds.latest(commit.id()).map(BuildView::of).orElse(null));
    }

    @Get("/logs/{part}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The newest build's log: part is 'build' or 'test'; grows while the build runs")
    public String log(String sha, String part) {
        Build build = builds.latest(resolve(sha).id()).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "No build", "commit " + sha + " has not been built"));
        String text = switch (part) {
            case "build" -> build.buildLog();
            case "test" -> build.testLog();
            default -> throw new IllegalArgumentException("log part '" + part + "' is not 'build' or 'test'");
        };
        return text == null ? "" : text;
    }

    Commit resolve(String sha) {
        if (!sha.matches("[0-9a-f]{7,64}")) {
            throw new IllegalArgumentException("'" + sha + "' is not a commit id (7 to 64 hex characters)");
        }
        List<Commit> found = commits.findByPrefix(sha);
        if (found.isEmpty()) {
            throw ApiProblem.notFound("commit", sha);
        }
        if (found.size() > 1) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Ambiguous commit", "'" + sha + "' matches " + found.size()
                    + " commits: give more characters");
        }
        return found.get(0);
    }
}
