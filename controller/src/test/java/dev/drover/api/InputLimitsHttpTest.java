package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.job.FakeAgent;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every API input has a limit checked before anything is stored: over it, a 400 problem naming the field and
 * the limit and never the value sent; at it, accepted. And an unexpected failure is a 500 that says only where
 * to look.
 */
@MicronautTest
@Property(name = "drover.test.failing-path", value = "true")
class InputLimitsHttpTest {
    /** Recognisable in any answer: its first 20 characters must never come back. */
    private static final String SECRET = "wh-s3cret-9f2c41d7e0" + "k".repeat(580);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    AccessTokens tokens;

    @Inject
    Services services;

    private Http http;
    private String admin;
    private String deployer;
    private String service;

    @BeforeEach
    void setUp() {
        http = new Http(URI.create(server.getURL() + "/"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin = tokens.issue("admin-" + suffix, Role.ADMIN, "test").secret().value();
        deployer = tokens.issue("deployer-" + suffix, Role.DEPLOYER, "test").secret().value();
        service = "limits-" + suffix;
        services.add(new ServiceSettings(service, "file:///nowhere", "main", null, null));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 400 problem whose detail names the field and its limit, and nothing of the value sent. */
    private static void refused(Http.Reply reply, String fieldAndLimit, String sent) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asText()).contains(fieldAndLimit);
        assertThat(reply.body()).doesNotContain(sent.substring(0, Math.min(20, sent.length())));
    }

    private Http.Reply addService(Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("name", "svc-" + UUID.randomUUID().toString().substring(0, 8),
                "repo", "https://git.example/acme/svc.git"));
        body.putAll(fields);
        return http.post("api/v1/services", admin, json(body));
    }

    @Test
    void aWebhookSecretOverItsLimitIsNeverEchoedNorAudited() {
        Http.Reply reply = addService(Map.of("webhookSecret", SECRET));

        refused(reply, "webhookSecret: at most 500 characters", SECRET);
        String audit = http.get("api/v1/audit?limit=50&action=service.add", admin).body();
        assertThat(audit).contains("webhookSecret: at most 500 characters").doesNotContain(SECRET.substring(0, 20));
    }

    @Test
    void serviceFieldsOverTheirLimitsAre400AndAtThemAreTaken() {
        String repo = "https://git.example/" + "r".repeat(2000);
        refused(addService(Map.of("repo", repo)), "repo: at most 2000 characters", repo.substring(20));
        String credentials = "c".repeat(201);
        refused(addService(Map.of("credentials", credentials)), "credentials: at most 200 characters", credentials);
        refused(addService(Map.of("repo", "https://git.example/a\nb.git")), "repo: ", "git.example/a\nb.git");
        refused(addService(Map.of("name", "n".repeat(64))), "name: at most 63 characters", "n".repeat(64));
        refused(addService(Map.of("reason", "r".repeat(2001))), "reason: at most 2000 characters", "r".repeat(2001));

        Http.Reply atLimits = addService(Map.of("repo", "https://git.example/" + "r".repeat(1980),
                "webhookSecret", SECRET.substring(0, 500), "credentials", "c".repeat(200), "branch", "b".repeat(200)));
        assertThat(atLimits.status()).as(atLimits.body()).isEqualTo(201);
        assertThat(atLimits.body()).doesNotContain(SECRET.substring(0, 20));
    }

    @Test
    void aTokenNameOrReasonOverItsLimitIs400() {
        refused(http.post("api/v1/tokens", admin, json(Map.of("name", "t".repeat(101), "role", "viewer"))),
                "name: at most 100 characters", "t".repeat(101));
        refused(http.post("api/v1/tokens", admin, json(Map.of("name", "t1", "role", "viewer", "reason", "r".repeat(2001)))),
                "reason: at most 2000 characters", "r".repeat(2001));
    }

    @Test
    void reasonsOverTheirLimitOrWithControlCharactersAre400() {
        String base = "api/v1/services/" + service;
        String tooLong = "r".repeat(2001);
        for (String path : List.of("/lock", "/abort", "/rollback", "/promote", "/deploy")) {
            refused(http.post(base + path, deployer, json(Map.of("reason", tooLong))), "reason: at most 2000 characters",
                    tooLong);
        }
        refused(http.post(base + "/builds", deployer, json(Map.of("commit", "abcd", "reason", tooLong))),
                "reason: at most 2000 characters", tooLong);
        refused(http.post(base + "/lock", deployer, json(Map.of("reason", "bell \u0007 rings"))), "reason: ",
                "bell \u0007");
        refused(http.post(base + "/lock", deployer, json(Map.of("reason", "nul \u0000 here"))), "reason: ", "nul \u0000");
        refused(http.post(base + "/rollback", deployer, json(Map.of("reason", "r", "tier", "t".repeat(101)))),
                "tier: at most 100 characters", "t".repeat(101));
        String commit = "a".repeat(65);
        refused(http.post(base + "/builds", deployer, json(Map.of("commit", commit))), "commit: at most 64 characters", commit);
        refused(http.post(base + "/deploy", deployer, json(Map.of("commit", commit))), "commit: at most 64 characters", commit);
    }

    @Test
    void aReasonOfExactlyTheLimitWithNewlinesAndTabsIsTaken() {
        String reason = ("line\tone\n".repeat(400) + "x".repeat(2000)).substring(0, 2000);

        Http.Reply locked = http.post("api/v1/services/" + service + "/lock", deployer, json(Map.of("reason", reason)));

        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        // A rollback locks the service with "rolled back by NAME: " before the reason: longer than the reason's limit.
        Http.Reply rolledBack = http.post("api/v1/services/" + service + "/rollback", deployer, json(Map.of("reason", reason)));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(http.post("api/v1/services/" + service + "/unlock", deployer, "{}").status()).isEqualTo(200);
    }

    private Http.Reply submit(Object params) {
        return http.post("api/v1/services/" + service + "/jobs", deployer, json(Map.of("params", params)));
    }

    @Test
    void jobParamsAreHeldToCountNamesAndSizesAndAtTheLimitsAreTaken() {
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("A", null);
        refused(submit(nullValue), "params: ", "A\":null");

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("P" + i, "v");
        }
        refused(submit(many), "params: at most 100 params", "P9999");

        String huge = "H5mb-" + "h".repeat(5 * 1024 * 1024);
        Http.Reply big = submit(Map.of("BIG", huge));
        refused(big, "params: values at most 4096 characters", huge);
        assertThat(big.body().length()).isLessThan(2000);

        refused(submit(Map.of("N".repeat(129), "v")), "params: names at most 128 characters", "N".repeat(129));
        refused(submit(Map.of("1X", "v")), "params: names", "\"1X\"");
        refused(submit(Map.of("A", "x".repeat(4096), "B", "y".repeat(4096))), "params: at most 8000 characters in all",
                "x".repeat(4096));
        refused(submit(Map.of("A", "ctl \u0001 char")), "params: ", "ctl \u0001");

        Http.Reply batch = http.post("api/v1/services/" + service + "/jobs", deployer,
                json(Map.of("jobs", List.of(Map.of("params", Map.of("A", "1")), Map.of("params", nullValue)))));
        refused(batch, "jobs[1].params: ", "A\":null");

        Map<String, String> hundred = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            hundred.put("P" + i, "v" + i);
        }
        assertThat(submit(hundred).status()).isEqualTo(202);
        assertThat(submit(Map.of("N".repeat(128), "multi\nline\tvalue")).status()).isEqualTo(202);
        Http.Reply full = submit(Map.of("BIG", "b".repeat(4096)));
        assertThat(full.status()).as(full.body()).isEqualTo(202);
    }

    @Test
    void stringQueryParametersHaveLimits() {
        refused(http.get("api/v1/services/" + service + "/jobs?tier=" + "t".repeat(101), deployer),
                "tier: at most 100 characters", "t".repeat(101));
        refused(http.get("api/v1/audit?actor=" + "a".repeat(201), admin), "actor: at most 200 characters", "a".repeat(201));
        refused(http.get("api/v1/notifications?status=" + "s".repeat(33), admin), "status: at most 32 characters",
                "s".repeat(33));
    }

    @Test
    void aSignInTokenOverItsLimitIs400() {
        String token = "drv_" + "x".repeat(300);
        refused(http.send("POST", "api/v1/session", json(Map.of("token", token))), "token: at most 200 characters", token);
    }

    private FakeAgent agent() {
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tokens.issue(name, Role.AGENT, "test").secret().value();
        return new FakeAgent(URI.create(server.getURL() + "/"), token);
    }

    private static void refused(FakeAgent.Reply reply, String fieldAndLimit, String sent) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().path("detail").asText()).contains(fieldAndLimit);
        assertThat(reply.body().toString()).doesNotContain(sent.substring(0, Math.min(20, sent.length())));
    }

    private static String registration(String labels, String gpus, String version) {
        return "{\"slots\":2,\"labels\":" + labels + ",\"gpus\":" + gpus + ",\"host\":{\"cpus\":4,\"memoryBytes\":1024},"
                + "\"version\":" + version + "}";
    }

    @Test
    void agentRegistrationsAreHeldToTheirColumns() {
        FakeAgent agent = agent();
        String label = "L".repeat(3992);
        FakeAgent.Reply exactly = agent.post("register", registration("{\"k\":\"" + label + "\"}", "[]", "\"1.0\""));
        assertThat(exactly.status()).as(exactly.body().toString()).isEqualTo(200);

        refused(agent.post("register", registration("{\"k\":\"" + label + "x\"}", "[]", "\"1.0\"")),
                "labels: at most 4000 characters in all", label);
        refused(agent.post("register", registration("{\"k\":null}", "[]", "\"1.0\"")), "labels: ", "\"k\":null");
        String model = "M".repeat(4000);
        refused(agent.post("register", registration("{}", "[{\"index\":0,\"model\":\"" + model + "\",\"memoryMiB\":1}]",
                "\"1.0\"")), "gpus: at most 4000 characters in all", model);
        refused(agent.post("register", registration("{}", "[]", "\"" + "v".repeat(101) + "\"")),
                "version: at most 100 characters", "v".repeat(101));
    }

    @Test
    void agentHeartbeatsWorkRequestsAndResultsAreHeldToLimits() {
        FakeAgent agent = agent();
        assertThat(agent.post("register", registration("{}", "[]", "\"1.0\"")).status()).isEqualTo(200);

        StringBuilder running = new StringBuilder("[");
        for (int i = 0; i < 1025; i++) {
            running.append(i == 0 ? "" : ",").append(i);
        }
        refused(agent.post("heartbeat", "{\"running\":" + running + "]}"), "running: at most 1024 attempts", "1000,1001");
        refused(agent.post("work", "{\"freeSlots\":1025}"), "freeSlots: between 0 and 1024", "1025");
        refused(agent.post("results", "{\"attemptId\":987654321,\"outcome\":null}"), "outcome: ", "987654321");
        String detail = "D-detail-" + "d".repeat(8000);
        refused(agent.post("results", "{\"attemptId\":987654321,\"outcome\":\"code\",\"detail\":\"" + detail + "\"}"),
                "detail: at most 8000 characters", detail);
    }

    /**
     * Only with {@code drover.test.failing-path}: fails every request to its path as no code should, with a
     * message far too long to log. A filter, not a controller: a controller in the tests would be in the
     * OpenAPI document the tests read.
     */
    @Requires(property = "drover.test.failing-path", value = "true")
    @ServerFilter("/api/v1/test-failing")
    static class FailingFilter {
        @RequestFilter
        void fail(HttpRequest<?> request) {
            throw new IllegalStateException("unexpected: " + "m".repeat(3 * 1024 * 1024));
        }
    }

    @Test
    void anUnexpectedFailureIsA500WithAGenericDetailAndOneBoundedLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        Http.Reply reply;
        try {
            reply = http.send("GET", "api/v1/test-failing", null, "X-Request-Id", "failing-1",
                    "Authorization", "Bearer " + admin);
        } finally {
            root.detachAppender(logged);
        }

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asText())
                .isEqualTo("Internal error: the controller's log has this request's id");
        assertThat(reply.body()).doesNotContain("unexpected").doesNotContain("mmmmmmmmmm");
        List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errors).hasSize(1);
        ILoggingEvent line = errors.get(0);
        assertThat(line.getFormattedMessage()).contains("GET", "/api/v1/test-failing", "failing-1", "IllegalStateException")
                .hasSizeLessThan(2000);
        assertThat(line.getThrowableProxy()).isNotNull();
        for (IThrowableProxy t = line.getThrowableProxy(); t != null; t = t.getCause()) {
            assertThat(t.getMessage()).hasSizeLessThan(2000);
        }
    }

    @Test
    void theFrameworksOwnAnswersStillWin() {
        assertThat(http.get("api/v1/nothing-here", admin).status()).isEqualTo(404);
        assertThat(http.send("DELETE", "api/v1/status", null, "Authorization", "Bearer " + admin).status()).isEqualTo(405);
        assertThat(http.get("api/v1/audit?limit=abc", admin).status()).isEqualTo(400);
        assertThat(http.post("api/v1/tokens", admin, "{not json").status()).isEqualTo(400);
        assertThat(http.get("api/v1/status", null).status()).isEqualTo(401);
        assertThat(http.post("api/v1/tokens", admin, "{\"name\":\"\",\"role\":\"viewer\"}").status()).isEqualTo(400);
        Http.Reply tooBig = submit(Map.of("BIG", "b".repeat(11 * 1024 * 1024)));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aProblemsDetailIsClipped() {
        String name = "n".repeat(3000);

        Http.Reply missing = http.get("api/v1/services/" + name, admin);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asText().length()).isLessThanOrEqualTo(1000);
    }
}
