package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.DroverYamlCheck;
import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.webhook.Hmac;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Generated input at the public surface: webhook deliveries (signed and not), sign-in, job submission, service add,
 * and drover.yaml text. Whatever comes, the controller answers below 500, and no answer and no log line carries a
 * secret (the service's webhook secret, the callers' tokens) or runs away in length.
 */
class PublicSurfaceFuzzTest {
    private static final String HOOK_SECRET = "hook-s3cret-7d1e0b";
    private static final int LOG_LINE = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("name", "repo", "branch", "webhookSecret", "credentials", "reason",
            "params", "jobs", "gpu", "revision", "token", "ref", "after", "before", "commits", "object_kind", "zen");

    private static EmbeddedServer server;
    private static Http http;
    private static String admin;
    private static String deployer;
    private static List<String> secrets;
    private static ListAppender<ILoggingEvent> log;
    private static DroverYamlCheck yamlCheck;
    private static Service service;

    @BeforeContainer
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, "test");
        ApplicationContext context = server.getApplicationContext();
        AccessTokens tokens = context.getBean(AccessTokens.class);
        admin = tokens.issue("fuzz-admin", Role.ADMIN, "test").secret().value();
        deployer = tokens.issue("fuzz-deployer", Role.DEPLOYER, "test").secret().value();
        service = context.getBean(Services.class).add(new ServiceSettings("fuzzed", "file:///nowhere", "main",
                new SecretText(HOOK_SECRET), null));
        secrets = List.of(HOOK_SECRET, admin, deployer);
        http = new Http(URI.create(server.getURL() + "/"));
        yamlCheck = new DroverYamlCheck(List.of());
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterContainer
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        server.close();
    }

    /** After each try: nothing logged holds a secret or runs away in length. */
    @AfterTry
    void logsHoldNoSecret() {
        List<ILoggingEvent> events;
        synchronized (log) {
            events = new ArrayList<>(log.list);
            log.list.clear();
        }
        for (ILoggingEvent event : events) {
            String line = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            assertThat(line.length()).as("a log line's length").isLessThanOrEqualTo(LOG_LINE);
            secrets.forEach(s -> assertThat(line).as("a log line").doesNotContain(s));
        }
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return text.toString();
    }

    private static void answered(Http.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 499);
        secrets.forEach(s -> assertThat(reply.body()).as("an answer").doesNotContain(s));
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
    void webhookDeliveries(@ForAll("providers") String provider, @ForAll("bodies") String body,
                           @ForAll("contentTypes") String contentType, @ForAll boolean signed,
                           @ForAll("events") String event) {
        String signature = signed ? Hmac.sign(new SecretText(HOOK_SECRET), body.getBytes(StandardCharsets.UTF_8))
                : "sha256=" + "0".repeat(64);
        answered(http.raw("POST", "/hooks/" + provider + "/" + service.name(), contentType, body,
                "X-Hub-Signature-256", signature, "X-GitHub-Event", event, "X-Gitlab-Token",
                signed ? HOOK_SECRET : "wrong", "X-Drover-Signature-256", signature));
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void signIn(@ForAll("bodies") String body) {
        answered(http.send("POST", "/api/v1/session", body, "Origin", server.getURL().toString()));
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
    void jobSubmission(@ForAll("bodies") String body) {
        answered(http.post("/api/v1/services/" + service.name() + "/jobs", deployer, body));
    }

    @Property(tries = 600, edgeCases = EdgeCasesMode.MIXIN)
    void serviceAdd(@ForAll("bodies") String body) {
        answered(http.post("/api/v1/services", admin, body));
    }

    @Property(tries = 800, edgeCases = EdgeCasesMode.MIXIN)
    void droverYaml(@ForAll("yaml") String text) {
        Optional<String> problems = yamlCheck.problems(service, Optional.of(text));
        problems.ifPresent(p -> assertThat(p.length()).isLessThan(LOG_LINE));
    }

    @Provide
    Arbitrary<String> providers() {
        return Arbitraries.oneOf(Arbitraries.of("github", "gitlab", "git"), Arbitraries.strings().alpha().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/x-www-form-urlencoded", "text/plain",
                "application/octet-stream");
    }

    @Provide
    Arbitrary<String> events() {
        return Arbitraries.of("push", "ping", "Push Hook", "issues", "");
    }

    /** Request bodies: JSON objects made of the API's own field names and wild values, form bodies, and noise. */
    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> objects = objects(2).map(PublicSurfaceFuzzTest::write);
        Arbitrary<String> forms = objects(1).map(m -> "payload=" + URLEncoder.encode(write(m), StandardCharsets.UTF_8));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, objects), net.jqwik.api.Tuple.of(1, forms),
                net.jqwik.api.Tuple.of(2, noise));
    }

    private static Arbitrary<Map<String, Object>> objects(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12));
        return Arbitraries.maps(keys, values(depth)).ofMaxSize(8).map(m -> new LinkedHashMap<>(m));
    }

    private static Arbitrary<Object> values(int depth) {
        List<Arbitrary<?>> leaves = new ArrayList<>(List.of(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1990).ofMaxLength(2100),
                Arbitraries.strings().ascii().ofMinLength(4000).ofMaxLength(9000),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.of(true, false),
                Arbitraries.just(null),
                Arbitraries.of("main", "file:///etc", "ext::sh -c id", "http://169.254.169.254/", "../../x", "fuzzed")));
        if (depth > 0) {
            leaves.add(objects(depth - 1));
            leaves.add(Arbitraries.oneOf(leaves.subList(0, 7)).list().ofMaxSize(5));
        }
        return Arbitraries.oneOf(leaves.stream().map(a -> a.map(v -> (Object) v)).toList());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** drover.yaml-ish text: the real keys with wild values, anchors and aliases, deep nesting, and noise. */
    @Provide
    Arbitrary<String> yaml() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("service: fuzzed", "job:", "  command: [python, -m, worker]", "tiers:", "stages:",
                        "  - name: canary", "    target: cpu", "    weight: 10", "a: &a [x, y]", "b: *a", "c: *a *a",
                        "  memory: 1Gi", "- - - - - - - - - - - - - - - - - - - - - - - x", "{", "]", "? [a]", "!!binary x",
                        "\u0000", "\t- tab", "key: \"\\u0000\""),
                Arbitraries.strings().all().ofMaxLength(40));
        return line.list().ofMaxSize(40).map(lines -> String.join("\n", lines));
    }
}
