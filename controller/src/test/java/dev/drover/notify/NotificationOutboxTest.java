package dev.drover.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.run.MutableClock;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.SeenCommit;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutEvent.Kind;
import dev.drover.secret.SecretText;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.JooqCommitStore;
import dev.drover.store.jooq.JooqNotificationStore;
import dev.drover.store.jooq.JooqRevisionStore;
import dev.drover.store.jooq.JooqRolloutStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.store.jooq.TestDatabases;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against real stores on H2 and real HTTP receivers, under a clock that moves only when told. */
class NotificationOutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 8);

    private final MutableClock clock = new MutableClock(T0);
    private final TestReceiver receiver = new TestReceiver();
    private TestDatabases.Opened db;
    private JooqRolloutStore rollouts;
    private JooqServiceStore services;
    private JooqCommitStore commits;
    private JooqNotificationStore store;
    private RolloutCommands commands;
    private Service service;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Backend.H2);
        var dsl = db.database().dsl();
        rollouts = new JooqRolloutStore(dsl);
        services = new JooqServiceStore(dsl);
        commits = new JooqCommitStore(dsl);
        store = new JooqNotificationStore(dsl);
        commands = new RolloutCommands(rollouts, new JooqTierStateStore(dsl), new JooqRevisionStore(dsl), e -> { },
                clock);
        service = services.create(new ServiceSettings("demo", "file:///none", "main", null, null), ServiceOrigin.API, T0);
    }

    @AfterEach
    void close() {
        receiver.close();
        db.close();
    }

    private NotificationOutbox outbox(Sink... sinks) {
        return new NotificationOutbox(List.of(sinks), rollouts, services, store, new HttpClientSender(Duration.ofSeconds(2)),
                BACKOFF, Duration.ofSeconds(2), clock);
    }

    private Sink sink(String name, Format format, Set<Kind> events) {
        return new Sink(name, receiver.url("/" + name), format, events, Optional.empty(), Optional.empty());
    }

    private List<TestReceiver.Received> to(String path) {
        return receiver.received().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void lockAndUnlockReachAJsonSinkSignedAndASlackSinkAsOneReadableLine() throws Exception {
        SecretText secret = new SecretText("s3cret");
        NotificationOutbox outbox = outbox(
                new Sink("hooks", receiver.url("/hooks"), Format.JSON, Set.of(), Optional.of(secret), Optional.empty()),
                sink("chat", Format.SLACK, Set.of()));
        outbox.pass(); // the sinks start here

        commands.lock(service.id(), "grace", "incident 42");
        commands.unlock(service.id(), "grace");
        outbox.pass();

        List<TestReceiver.Received> json = to("/hooks");
        assertThat(json).extracting(r -> r.json().get("event").asText()).containsExactly("locked", "unlocked");
        TestReceiver.Received locked = json.get(0);
        assertThat(locked.json().get("service").asText()).isEqualTo("demo");
        assertThat(locked.json().get("message").asText()).isEqualTo("locked by grace: incident 42");
        assertThat(locked.json().get("rolloutId").isNull()).isTrue();
        assertThat(locked.json().get("at").asText()).isEqualTo(T0.toString());
        assertThat(locked.header("X-Drover-Event")).isEqualTo("locked");
        assertThat(locked.header("X-Drover-Signature-256")).isEqualTo("sha256=" + hmac("s3cret", locked.body()));
        assertThat(to("/chat")).extracting(r -> r.json().get("text").asText()).containsExactly(
                "demo: service locked — locked by grace: incident 42",
                "demo: service unlocked — unlocked by grace (was locked by grace: incident 42)");
        assertThat(store.list(10, Optional.of(NotificationStatus.DELIVERED))).hasSize(4)
                .allSatisfy(n -> assertThat(n.attempts()).isEqualTo(1));
    }

    @Test
    void aFailedDeliveryIsRetriedWithDoublingBackoffAndRecordedUntilDelivered() {
        receiver.answering(500, 500);
        NotificationOutbox outbox = outbox(sink("hooks", Format.JSON, Set.of()));
        outbox.pass();
        commands.lock(service.id(), "grace", "incident 42");

        outbox.pass();
        Notification first = store.list(1, Optional.empty()).get(0);
        assertThat(first.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastStatusCode()).isEqualTo(500);
        assertThat(first.lastError()).contains("HTTP 500");
        assertThat(first.nextAttemptAt()).isEqualTo(T0.plusSeconds(2));

        clock.advance(Duration.ofSeconds(1));
        outbox.pass();
        assertThat(receiver.received()).as("not due before 2s").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        outbox.pass();
        assertThat(receiver.received()).hasSize(2);
        assertThat(store.list(1, Optional.empty()).get(0).nextAttemptAt()).isEqualTo(T0.plusSeconds(2 + 4));
        clock.advance(Duration.ofSeconds(3));
        outbox.pass();
        assertThat(receiver.received()).as("not due before 4s more").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        outbox.pass();

        assertThat(receiver.received()).hasSize(3).extracting(TestReceiver.Received::body).containsOnly(first.payload());
        Notification done = store.list(1, Optional.empty()).get(0);
        assertThat(done.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastStatusCode()).isEqualTo(200);
        assertThat(done.lastError()).isNull();
        assertThat(done.deliveredAt()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void aReceiverThatIsDownIsGivenUpOnAfterMaxAttemptsWithTheErrorRecorded() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NotificationOutbox outbox = new NotificationOutbox(List.of(new Sink("down", "http://127.0.0.1:" + closedPort + "/x",
                Format.JSON, Set.of(), Optional.empty(), Optional.empty())), rollouts, services, store,
                new HttpClientSender(Duration.ofSeconds(1)), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2),
                Duration.ofSeconds(1), clock);
        outbox.pass();
        commands.lock(service.id(), "grace", "incident 42");

        outbox.pass();
        clock.advance(Duration.ofSeconds(1));
        outbox.pass();

        Notification failed = store.list(1, Optional.empty()).get(0);
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastStatusCode()).isNull();
        assertThat(failed.lastError()).startsWith("gave up after 2 attempts: cannot reach the receiver");
        clock.advance(Duration.ofMinutes(10));
        assertThat(outbox.send()).as("never tried again").isZero();
    }

    @Test
    void commitsThatFailOrAreInvalidAreToldWithTheirAuthorAndWhy() {
        NotificationOutbox outbox = outbox(sink("hooks", Format.JSON, Set.of()), sink("chat", Format.SLACK, Set.of()));
        outbox.pass();
        String bad = "abcdef1".repeat(5) + "abcde";
        String broken = "1234567".repeat(5) + "12345";
        commits.record(service.id(), seen(bad, "Grace Hopper", "Add the queue"), CommitStatus.INVALID,
                "drover.yaml: tiers: missing", clock.instant());
        commits.record(service.id(), seen(broken, "Ada Lovelace", "Speed up thumbnails\n\nlonger text"),
                CommitStatus.QUEUED, null, clock.instant());
        long brokenId = commits.find(service.id(), broken).orElseThrow().id();
        commits.setStatus(brokenId, CommitStatus.BUILDING, "build 1", false, clock.instant());
        commits.setStatus(brokenId, CommitStatus.FAILED, "test failed with exit code 1; last lines:\nAssertionError",
                false, clock.instant());

        outbox.pass();

        assertThat(to("/hooks")).extracting(r -> r.json().get("event").asText())
                .containsExactly("commit-invalid", "commit-failed"); // building is not on-call's news
        assertThat(to("/hooks").get(0).json().get("commit").asText()).isEqualTo(bad);
        assertThat(to("/chat")).extracting(r -> r.json().get("text").asText()).containsExactly(
                "demo: commit abcdef1 \"Add the queue\" by Grace Hopper <grace@example.com> is invalid: drover.yaml: tiers: missing",
                "demo: commit 1234567 \"Speed up thumbnails\" by Ada Lovelace <grace@example.com> failed: test failed with "
                        + "exit code 1; last lines:\nAssertionError");
        assertThat(rollouts.events(service.id(), 0, 10)).extracting(e -> e.kind())
                .containsExactly(Kind.COMMIT_INVALID, Kind.COMMIT_BUILDING, Kind.COMMIT_FAILED);
    }

    @Test
    void theCommitStatusCallbackGetsEachCommitsShaAndStateWithTheToken() {
        NotificationOutbox outbox = outbox(new Sink(Sink.COMMIT_STATUS, receiver.url("/repos/{service}/statuses/{sha}"),
                Format.COMMIT_STATUS, Set.of(), Optional.empty(), Optional.of(new SecretText("ghp_token"))));
        outbox.pass();
        String good = "a".repeat(40);
        String bad = "b".repeat(40);
        commits.record(service.id(), seen(good, "Grace Hopper", "Good"), CommitStatus.QUEUED, null, clock.instant());
        long goodId = commits.find(service.id(), good).orElseThrow().id();
        commits.setStatus(goodId, CommitStatus.BUILDING, "build 1", false, clock.instant());
        commits.setStatus(goodId, CommitStatus.TESTING, "build 1", false, clock.instant());
        commits.setStatus(goodId, CommitStatus.GREEN, "revision 1", false, clock.instant());
        commits.record(service.id(), seen(bad, "Grace Hopper", "Bad"), CommitStatus.INVALID, "no drover.yaml",
                clock.instant());
        commands.lock(service.id(), "grace", "not a commit's news");

        outbox.pass();

        List<TestReceiver.Received> sent = receiver.received();
        assertThat(sent).extracting(TestReceiver.Received::path).containsExactly("/repos/demo/statuses/" + good,
                "/repos/demo/statuses/" + good, "/repos/demo/statuses/" + bad);
        assertThat(sent).extracting(r -> r.json().get("sha").asText() + " " + r.json().get("state").asText())
                .containsExactly(good + " pending", good + " success", bad + " error");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.json().get("context").asText()).isEqualTo("drover/demo");
            assertThat(r.json().get("description").asText()).hasSizeLessThanOrEqualTo(140).contains("Grace Hopper");
            assertThat(r.header("Authorization")).isEqualTo("Bearer ghp_token");
        });
    }

    @Test
    void aNewSinkStartsAtTheNewestEventAndASinkGetsOnlyTheEventsItNames() {
        commands.lock(service.id(), "grace", "before any sink");
        NotificationOutbox outbox = outbox(sink("all", Format.JSON, Set.of()), sink("unlocks", Format.JSON,
                Set.of(Kind.UNLOCKED)));

        outbox.pass();
        assertThat(receiver.received()).as("old history is not replayed").isEmpty();

        commands.unlock(service.id(), "grace");
        commands.lock(service.id(), "grace", "again");
        outbox.pass();
        assertThat(to("/all")).extracting(r -> r.json().get("event").asText()).containsExactly("unlocked", "locked");
        assertThat(to("/unlocks")).extracting(r -> r.json().get("event").asText()).containsExactly("unlocked");
        outbox.pass();
        assertThat(receiver.received()).as("each event once").hasSize(3);
    }

    @Test
    void anEventCommittedBehindTheCursorIsStillQueued() {
        NotificationOutbox outbox = outbox(sink("hooks", Format.JSON, Set.of()));
        outbox.pass();
        commands.lock(service.id(), "grace", "late");
        long late = rollouts.lastEventId();
        store.queue("hooks", late, List.of()); // as if a pass had read past it before its transaction committed

        outbox.pass();

        assertThat(receiver.received()).extracting(r -> r.json().get("id").asLong()).containsExactly(late);
    }

    private static SeenCommit seen(String sha, String author, String message) {
        return new SeenCommit(sha, List.of(), author, "grace@example.com", message, T0);
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
