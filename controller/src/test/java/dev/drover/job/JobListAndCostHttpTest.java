package dev.drover.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.server.SettableClock;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs list's filters and rows and the cost report over real HTTP, on five jobs run by hand:
 * A (revision 1, canary, stable) succeeded; B (1, main, stable) failed with exit 1; C (2 pinned, main) was
 * spot-interrupted then succeeded; D (2 pinned, canary: a tier revision 2 does not define, so unpriced) was
 * spot-interrupted three days ago and waits for its retry; E (canary) was never tried. A and B were submitted
 * before {@code mid}, C, D and E after. Each result is taken with the controller's clock set to the day it ran:
 * days are the controller's, never the agent's.
 */
@MicronautTest
@Property(name = "drover.jobs.routing-seed", value = "42")
@Property(name = "drover.targets.cpu.labels.capacity", value = "on-demand")
@Property(name = "drover.test.settable-clock", value = "true")
class JobListAndCostHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Inject
    EmbeddedServer server;

    @Inject
    Clock clock;

    @Inject
    AccessTokens tokens;

    @Inject
    Services services;

    @Inject
    CommitStore commits;

    @Inject
    RevisionStore revisions;

    @Inject
    TierStateStore tiers;

    @Inject
    JobSubmission submission;

    @Inject
    JobStore jobs;

    private final HttpClient http = HttpClient.newHttpClient();
    private Service service;
    private FakeAgent agent;
    private String viewer;
    private String a;
    private String b;
    private String c;
    private String d;
    private String e;
    private Instant mid;
    private LocalDate yesterday;
    private LocalDate threeDaysAgo;

    @BeforeEach
    void runFiveJobs() {
        yesterday = LocalDate.now(clock).minusDays(1);
        threeDaysAgo = yesterday.minusDays(2);
        service = services.add(new ServiceSettings("cost-" + UUID.randomUUID().toString().substring(0, 6),
                "file:///nowhere", "main", null, null));
        revision("a", 1, 1, List.of(new RevisionSpec.Tier("canary", "cpu", 10, 0), new RevisionSpec.Tier("main", "cpu", 90, 0)));
        revision("d", 2, 2, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0)));
        tiers.deployAll(service.id(), List.of("canary", "main"), 1, clock.instant());
        viewer = tokens.issue("viewer-" + UUID.randomUUID().toString().substring(0, 8), Role.VIEWER, "test").secret().value();
        agent = new FakeAgent(URI.create(server.getURL() + "/"), tokens.issue("agent-" + UUID.randomUUID().toString()
                .substring(0, 8), Role.AGENT, "test").secret().value());
        assertThat(agent.register("{\"capacity\":\"on-demand\"}", 8, 0).status()).isEqualTo(200);

        a = submit(null, "canary");
        run(a, "succeeded", 0, yesterday, "09:30", "10:00");
        b = submit(null, "main");
        run(b, "code", 1, yesterday, "10:00", "11:00");
        mid = clock.instant();
        c = submit(2, "main");
        run(c, "spot-interruption", null, yesterday, "11:40", "12:00");
        run(c, "succeeded", 0, yesterday, "12:20", "13:00");
        d = submit(2, "canary");
        run(d, "spot-interruption", null, threeDaysAgo, "09:00", "09:10");
        e = submit(null, "canary");
    }

    @AfterEach
    void cancelWhatWaits() {
        for (Job job : jobs.list(service.id(), 1000)) {
            if (!job.status().finished()) {
                jobs.finish(job.id(), JobStatus.CANCELLED, "test over", clock.instant());
            }
        }
    }

    @Test
    void eachFilterNarrowsTheListBeforeTheLimit() {
        assertThat(ids("")).containsExactly(e, d, c, b, a);
        assertThat(ids("status=queued")).containsExactly(e, d);
        assertThat(ids("status=succeeded")).containsExactly(c, a);
        assertThat(ids("status=failed")).containsExactly(b);
        assertThat(ids("tier=canary")).containsExactly(e, d, a);
        assertThat(ids("tier=main")).containsExactly(c, b);
        assertThat(ids("revision=2")).containsExactly(d, c);
        assertThat(ids("arm=pinned")).containsExactly(d, c);
        assertThat(ids("arm=stable")).containsExactly(b, a);
        assertThat(ids("arm=candidate")).isEmpty();
        assertThat(ids("outcome=code")).containsExactly(b);
        assertThat(ids("outcome=spot-interruption")).as("C's latest attempt succeeded").containsExactly(d);
        assertThat(ids("outcome=succeeded")).containsExactly(c, a);
        assertThat(ids("since=" + mid)).containsExactly(e, d, c);
        assertThat(ids("until=" + mid)).containsExactly(b, a);
        assertThat(ids("since=" + mid + "&tier=main")).containsExactly(c);
        assertThat(ids("tier=canary&outcome=succeeded")).containsExactly(a);
        assertThat(ids("status=succeeded&limit=1")).as("filtered before the limit").containsExactly(c);
    }

    @Test
    void rowsCarryTheLatestAttemptsOutcomeAndDurationAndTheCostOfAllAttempts() {
        Map<String, JsonNode> rows = new HashMap<>();
        get("api/v1/services/" + service.name() + "/jobs", 200).forEach(j -> rows.put(j.path("id").asText(), j));
        List<Double> cCosts = attemptCosts(c);

        assertThat(rows.get(a).path("outcome").asText()).isEqualTo("succeeded");
        assertThat(rows.get(a).path("durationMillis").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(rows.get(a).path("cost").asDouble()).isCloseTo(attemptCosts(a).get(0), within(1e-9)).isPositive();
        assertThat(rows.get(b).path("outcome").asText()).isEqualTo("code");
        assertThat(rows.get(c).path("outcome").asText()).isEqualTo("succeeded");
        assertThat(rows.get(c).path("durationMillis").asLong()).isEqualTo(Duration.ofMinutes(40).toMillis());
        assertThat(rows.get(c).path("cost").asDouble()).isCloseTo(cCosts.get(0) + cCosts.get(1), within(1e-9));
        assertThat(rows.get(d).path("outcome").asText()).isEqualTo("spot-interruption");
        assertThat(rows.get(d).path("cost").isNull()).as("revision 2 does not price canary").isTrue();
        assertThat(rows.get(e).path("outcome").isNull()).isTrue();
        assertThat(rows.get(e).path("durationMillis").isNull()).isTrue();
        JsonNode one = get("api/v1/jobs/" + c, 200);
        assertThat(one.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(one.path("cost").asDouble()).isCloseTo(rows.get(c).path("cost").asDouble(), within(1e-12));
    }

    @Test
    void badFiltersAnswer400SayingWhatToFix() {
        assertThat(problem("arm=sideways")).contains("arm must be one of candidate, baseline, stable, pinned; got 'sideways'");
        assertThat(problem("outcome=failed")).contains("outcome must be one of succeeded, code, timeout, oom, "
                + "spot-interruption, agent-lost, infra, cancelled");
        assertThat(problem("status=done")).contains("status must be one of queued, running, succeeded, failed, cancelled");
        assertThat(problem("since=yesterday")).contains("since must be an ISO-8601 instant").contains("'yesterday'");
        assertThat(problem("until=2026-11-21")).contains("until must be an ISO-8601 instant");
        assertThat(problem("since=2026-11-21T00:00:00Z&until=2026-11-20T00:00:00Z"))
                .contains("since (2026-11-21T00:00:00Z) is after until (2026-11-20T00:00:00Z)");
        assertThat(problem("revision=two")).contains("revision");
        assertThat(get("api/v1/services/" + service.name() + "/cost?days=0", 400).path("detail").asText())
                .contains("days must be between 1 and 366, got 0");
        assertThat(get("api/v1/services/" + service.name() + "/cost?days=367", 400).path("detail").asText())
                .contains("days must be between 1 and 366, got 367");
    }

    @Test
    void theCostReportAddsUpAttemptsByDayRevisionAndTierWithFailedAndInterruptedParts() {
        double costA = attemptCosts(a).get(0);
        double costB = attemptCosts(b).get(0);
        List<Double> costC = attemptCosts(c);
        assertThat(attemptCosts(d)).containsOnlyNulls();

        JsonNode report = get("api/v1/services/" + service.name() + "/cost", 200);
        assertThat(report.path("currency").asText()).isEqualTo("USD");
        assertThat(Instant.parse(report.path("since").asText()))
                .isEqualTo(yesterday.plusDays(1).minusDays(13).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(rows(report)).containsExactly(
                threeDaysAgo + " 2 canary 1 0.00000 0.00000 0.00000",
                yesterday + " 1 canary 1 " + money(costA) + " 0.00000 0.00000",
                yesterday + " 1 main 1 " + money(costB) + " " + money(costB) + " 0.00000",
                yesterday + " 2 main 2 " + money(costC.get(0) + costC.get(1)) + " 0.00000 " + money(costC.get(0)));
        assertThat(report.path("total").asDouble()).isCloseTo(costA + costB + costC.get(0) + costC.get(1), within(1e-9));
        assertThat(report.path("failed").asDouble()).isCloseTo(costB, within(1e-9));
        assertThat(report.path("interrupted").asDouble()).isCloseTo(costC.get(0), within(1e-9));

        JsonNode twoDays = get("api/v1/services/" + service.name() + "/cost?days=2", 200);
        assertThat(Instant.parse(twoDays.path("since").asText())).isEqualTo(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(rows(twoDays)).hasSize(3).allSatisfy(row -> assertThat(row).startsWith(yesterday.toString()));
    }

    /** Revision {@code number} of a commit, with vCPUs per job (a host has 4) and the tiers it defines. */
    private void revision(String shaLetter, int number, int vcpus, List<RevisionSpec.Tier> tierList) {
        String sha = shaLetter.repeat(40);
        commits.record(service.id(), new SeenCommit(sha, List.of(), "Ada", "a@x", "m", clock.instant()),
                CommitStatus.GREEN, null, clock.instant());
        RevisionSpec spec = new RevisionSpec(List.of("sh"), Map.of(), Map.of(), vcpus, 1L << 30, 64L << 20, 600, 2, 0,
                "per-job", false, tierList);
        assertThat(revisions.create(service.id(), commits.find(service.id(), sha).orElseThrow().id(),
                "sha256:" + shaLetter.repeat(64), spec, clock.instant()).number()).isEqualTo(number);
    }

    /** Submits one job (pinned to a revision or not) and puts it on the tier, whatever the weights drew. */
    private String submit(Integer pinned, String tier) {
        Job job = submission.submit(service, List.of(new NewJob(Map.of("N", "1"), false, pinned))).get(0);
        jobs.route(job.id(), tier, null);
        return job.id();
    }

    /** Runs the job's next attempt from {@code start} to {@code end} of {@code day}; the controller takes it then. */
    private void run(String jobId, String outcome, Integer exitCode, LocalDate day, String start, String end) {
        JsonNode given = agent.work(1).get(0);
        assertThat(given.path("jobId").asText()).isEqualTo(jobId);
        Instant ended = day.atTime(LocalTime.parse(end)).toInstant(ZoneOffset.UTC);
        ((SettableClock) clock).setTo(ended.plusSeconds(5));
        try {
            assertThat(agent.result(given.path("attemptId").asLong(), outcome, exitCode, 1L << 20,
                    day.atTime(LocalTime.parse(start)).toInstant(ZoneOffset.UTC), ended).status()).isEqualTo(200);
        } finally {
            ((SettableClock) clock).reset();
        }
    }

    private List<Double> attemptCosts(String jobId) {
        List<Double> costs = new ArrayList<>();
        get("api/v1/jobs/" + jobId, 200).path("attemptList")
                .forEach(at -> costs.add(at.path("cost").isNull() ? null : at.path("cost").asDouble()));
        return costs;
    }

    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows").forEach(r -> rows.add(r.path("day").asText() + " " + r.path("revision").asInt() + " "
                + r.path("tier").asText() + " " + r.path("attempts").asInt() + " " + money(r.path("cost").asDouble()) + " "
                + money(r.path("failedCost").asDouble()) + " " + money(r.path("interruptedCost").asDouble())));
        return rows;
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%.5f", value);
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        get("api/v1/services/" + service.name() + "/jobs?" + query, 200).forEach(j -> ids.add(j.path("id").asText()));
        return ids;
    }

    private String problem(String query) {
        JsonNode problem = get("api/v1/services/" + service.name() + "/jobs?" + query, 400);
        assertThat(problem.path("title").asText()).isNotBlank();
        return problem.path("detail").asText();
    }

    private JsonNode get(String path, int status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/" + path))
                .header("Authorization", "Bearer " + viewer).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(path + " answered " + reply.body()).isEqualTo(status);
            return JSON.readTree(reply.body());
        } catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
