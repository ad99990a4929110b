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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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

    /** One job ({@code params}, {@code gpu}, {@code revision}), or many in {@code jobs}. */
    public record SubmitRequest(@Nullable Map<String, String> params, @Nullable Boolean gpu, @Nullable Integer revision,
                                @Nullable List<SubmitRequest> jobs) {
        NewJob toJob() {
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
    public HttpResponse<Submitted> submit(HttpRequest<?> request, String name, @Body SubmitRequest body) {
        Service service = service(name);
        List<NewJob> wanted = body.jobs() != null ? body.jobs().stream().map(SubmitRequest::toJob).toList()
                : List.of(body.toJob());
        AuditNote.target(request, "service/" + name + " (" + wanted.size() + " jobs)");
        List<Job> created = submission.submit(service, wanted);
        return HttpResponse.accepted().body(new Submitted(created.stream().map(j -> JobView.of(j, name, null)).toList()));
    }

    @Get("/services/{name}/jobs")
    @Operation(summary = "The service's jobs, newest first, each with its latest attempt's outcome and duration and its "
            + "cost; optionally only those with a status, tier, revision, arm or latest outcome, submitted in "
            + "[since, until) (ISO-8601 instants), before the limit")
    public List<JobView> list(String name, @QueryValue(defaultValue = "50") int limit, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String tier, @Nullable @QueryValue Integer revision,
                              @Nullable @QueryValue String arm, @Nullable @QueryValue String outcome,
                              @Nullable @QueryValue String since, @Nullable @QueryValue String until) {
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
