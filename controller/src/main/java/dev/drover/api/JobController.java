package dev.drover.api;

import dev.drover.job.Attempt;
import dev.drover.job.CostReport;
import dev.drover.job.Job;
import dev.drover.job.JobFilter;
import dev.drover.job.JobStore;
import dev.drover.job.JobSummary;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.service.Service;
import dev.drover.service.Services;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Jobs: submit (one or many), list (filtered), look at one, cancel, read its log; their summary and cost. */
@Controller("/api/v1")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "jobs")
public class JobController {
    private final Services services;
    private final JobStore jobs;
    private final JobSubmission submission;
    private final Clock clock;

    public JobController(Services services, JobStore jobs, JobSubmission submission, Clock clock) {
        this.services = services;
        this.jobs = jobs;
        this.submission = submission;
        this.clock = clock;
    }

    /**
     * One job ({@code params}, {@code gpu}, {@code revision}), or many in {@code jobs}. Parameters become the
     * container's environment: names are environment names, and all of one job's, written as JSON, fit its column.
     */
    @Introspected
    public record SubmitRequest(
            @Nullable @Size(max = Input.PARAMS, message = "at most {max} params")
            Map<@Size(max = Input.PARAM_NAME, message = "names at most {max} characters")
                @Pattern(regexp = Input.ENV_NAME, message = "names must be environment names (" + Input.ENV_NAME + ")")
                String,
                @NotNull(message = "values must be strings, not null")
                @Size(max = Input.PARAM_VALUE, message = "values at most {max} characters")
                @Pattern(regexp = Input.LINES, message = "values with " + Input.LINES_MESSAGE) String> params,
            @Nullable Boolean gpu, @Nullable Integer revision,
            @Nullable @Size(max = JobSubmission.MAX_BULK, message = "at most {max} jobs at once")
            List<@NotNull(message = "a job, not null") @Valid SubmitRequest> jobs) {

        List<NewJob> toJobs() {
            if (jobs == null) {
                return List.of(toJob("params"));
            }
            return IntStream.range(0, jobs.size()).mapToObj(i -> jobs.get(i).toJob("jobs[" + i + "].params")).toList();
        }

        private NewJob toJob(String field) {
            Input.json(field, params, Input.PARAMS_JSON);
            return new NewJob(params, Boolean.TRUE.equals(gpu), revision);
        }
    }

    /** The ids of the jobs just submitted, with where each went (or why it waits). */
    public record Submitted(List<JobView> jobs) {
    }

    @Post("/services/{name}/jobs")
    @Secured(Roles.DEPLOYER)
    @Audited("job.submit")
    @Operation(summary = "Submit jobs; answers at once with their ids (a job no tier can run stays queued with its reason)")
    public HttpResponse<Submitted> submit(HttpRequest<?> request, String name, @Valid @Body SubmitRequest body) {
        Service service = service(name);
        List<NewJob> wanted = body.toJobs();
        AuditNote.target(request, "service/" + name + " (" + wanted.size() + " jobs)");
        List<Job> created = submission.submit(service, wanted);
        return HttpResponse.accepted().body(new Submitted(created.stream().map(j -> JobView.of(j, name, null)).toList()));
    }

    @Get("/services/{name}/jobs")
    @Operation(summary = "The service's jobs, newest first, each with its latest attempt's outcome and duration and its "
            + "cost; optionally only those with a status, tier, revision, arm or latest outcome, submitted in "
            + "[since, until) (ISO-8601 instants), before the limit")
    public List<JobView> list(String name, @QueryValue(defaultValue = "50") int limit,
                              @Nullable @Size(max = Input.WORD, message = Input.AT_MOST) @QueryValue String status,
                              @Nullable @Size(max = Input.TIER, message = Input.AT_MOST) @QueryValue String tier,
                              @Nullable @QueryValue Integer revision,
                              @Nullable @Size(max = Input.WORD, message = Input.AT_MOST) @QueryValue String arm,
                              @Nullable @Size(max = Input.WORD, message = Input.AT_MOST) @QueryValue String outcome,
                              @Nullable @Size(max = Input.INSTANT, message = Input.AT_MOST) @QueryValue String since,
                              @Nullable @Size(max = Input.INSTANT, message = Input.AT_MOST) @QueryValue String until) {
        JobFilter filter = JobFilter.parse(status, tier, revision, arm, outcome, since, until);
        Service service = service(name);
        return jobs.list(service.id(), filter, Limits.check(limit)).stream().map(j -> JobView.of(j, name)).toList();
    }

    @Get("/services/{name}/jobs/summary")
    @Operation(summary = "Counts, failure rates by class, duration and memory quantiles, cost by revision, tier and day")
    public JobSummary summary(String name, @QueryValue(defaultValue = "24") int hours) {
        if (hours < 1 || hours > 24 * 366) {
            throw new IllegalArgumentException("hours must be between 1 and " + 24 * 366);
        }
        return JobSummary.of(jobs.finishedAttempts(service(name).id(),
                clock.instant().minus(Duration.ofHours(hours))));
    }

    @Get("/services/{name}/cost")
    @Operation(summary = "Cost of finished attempts over the last N days (UTC, today included) by day, revision and "
            + "tier, with the part spent on code failures and the part lost to infrastructure")
    public CostReport cost(String name, @QueryValue(defaultValue = "14") int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366, got " + days);
        }
        Instant since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        return CostReport.of(since, CostReport.CURRENCY, jobs.finishedAttempts(service(name).id(), since));
    }

    @Get("/jobs/{id}")
    @Operation(summary = "A job and its attempts")
    public JobView get(String id) {
        Job job = job(id);
        return JobView.of(job, serviceName(job), jobs.attempts(id));
    }

    @Post("/jobs/{id}/cancel")
    @Secured(Roles.DEPLOYER)
    @Audited("job.cancel")
    @Operation(summary = "Cancel a job: a queued one at once, a running one at its agent's next heartbeat")
    public JobView cancel(HttpRequest<?> request, String id) {
        AuditNote.target(request, "job/" + id);
        Job job = submission.cancel(job(id));
        return JobView.of(job, serviceName(job), jobs.attempts(id));
    }

    @Get("/jobs/{id}/logs")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The whole log of a job's attempt (default: the latest)")
    public String log(String id, @Nullable @QueryValue Integer attempt) {
        List<Attempt> attempts = jobs.attempts(job(id).id());
        Attempt chosen = attempts.stream().filter(a -> attempt == null || a.number() == attempt)
                .reduce((first, second) -> second)
                .orElseThrow(() -> ApiProblem.notFound("attempt of job " + id, attempt == null ? "any" : attempt.toString()));
        String log = jobs.log(chosen.id());
        return log == null ? "" : log;
    }

    private Job job(String id) {
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("job", id));
    }

    private Service service(String name) {
        return services.find(name).orElseThrow(() -> ApiProblem.notFound("service", name));
    }

    private String serviceName(Job job) {
        return services.list().stream().filter(s -> s.id() == job.serviceId()).map(Service::name).findFirst().orElse("?");
    }
}
