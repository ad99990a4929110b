package dev.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.drover.TestPorts;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.build.TestDocker;
import dev.drover.job.Attempt;
import dev.drover.job.JobStatus;
import dev.drover.notify.Format;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutState;
import dev.drover.service.Service;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.JooqJobStore;
import dev.drover.store.jooq.JooqRolloutStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqTierStateStore;
import dev.drover.store.jooq.JooqTokenStore;
import dev.drover.store.jooq.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controller processes on one PostgreSQL: one leads (runs the loops), both serve the API and agents; the
 * leader SIGKILLed in the middle of a rollout and of a burst is replaced within its lease, and nothing is
 * promoted, notified or run twice; a third process with a leader-id already in use is refused at start, saying why.
 */
class TwoControllersTest {
    private static final String SERVICE = "pair";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a JSON sink is sent when its configuration names no events. */
    private static final Set<RolloutEvent.Kind> NOTIFIED = Format.JSON.defaultEvents();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ControllerProcess> controllers = new ArrayList<>();
    private final ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    private TestDatabases.Opened db;
    private AgentProcess agent;
    private Receiver receiver;

    @AfterEach
    void stop() throws Exception {
        load.shutdownNow();
        if (receiver != null) {
            receiver.close();
        }
        if (agent != null) {
            agent.kill();
            agent.removeContainers();
        }
        for (ControllerProcess c : controllers) {
            c.kill();
        }
        if (db != null) {
            db.close();
        }
    }

    private ControllerProcess controller(String leaderId) {
        ControllerProcess c = new ControllerProcess(TestPorts.free(), ControllerProcess.onPostgres(db, Map.ofEntries(
                Map.entry("drover.home", dir.resolve("home-" + leaderId + "-" + controllers.size()).toString()),
                Map.entry("drover.git.poll-interval", "0s"),
                Map.entry("drover.builds.enabled", "false"),
                Map.entry("drover.leader.lease", "10s"),
                Map.entry("drover.leader.renew", "1s"),
                Map.entry("drover.agents.lease", "6s"),
                Map.entry("drover.agents.heartbeat", "1s"),
                Map.entry("drover.agents.poll", "2s"),
                Map.entry("drover.agents.lost-margin", "3s"),
                Map.entry("drover.targets.cpu.price-per-hour", "1.0"),
                Map.entry("drover.jobs.routing-seed", "7"),
                Map.entry("drover.rollouts.interval", "1s"),
                Map.entry("drover.rollouts.lease", "10s"),
                Map.entry("drover.rollouts.min-bake", "1s"),
                Map.entry("drover.rollouts.min-jobs", "3"),
                Map.entry("drover.notifications.interval", "1s"),
                Map.entry("drover.notifications.sinks.watch.url", receiver.url()),
                Map.entry("drover.rollouts.leader-id", leaderId))),
                dir.resolve("logs").resolve(leaderId + "-" + controllers.size() + ".log"));
        controllers.add(c);
        return c;
    }

    private JsonNode leader(ControllerProcess c) throws IOException, InterruptedException {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(c.url() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(health.body()).path("details").path("leader").path("details");
    }

    private boolean leads(ControllerProcess c) {
        try {
            return leader(c).path("leads").asBoolean();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The leader is SIGKILLed while a rollout's canary stage runs and a burst of jobs is queued and in flight. The
     * follower takes the lead within the lease and finishes the rollout: each rollout event is recorded once and
     * notified once, each job runs once, the candidate is stable everywhere.
     */
    @Test
    void theFollowerTakesOverMidRolloutAndMidBurstAndNothingHappensTwice() throws Exception {
        db = TestDatabases.open(TestDatabases.Backend.POSTGRES);
        DSLContext dsl = db.database().dsl();
        Service service = new JooqServiceStore(dsl).create(new ServiceSettings(SERVICE, "file:///none", "main", null, null),
                ServiceOrigin.API, Instant.now());
        new JooqServiceStore(dsl).autoDeploy(service.id(), false);
        String image = Cluster.demoImage(TestDocker.client());
        Ladder.revision(dsl, service.id(), image, 4, Map.of());
        new JooqTierStateStore(dsl).deployAll(service.id(), Ladder.TIERS, 1, Instant.now());
        int candidate = Ladder.revision(dsl, service.id(), image, 4, Map.of());
        AccessTokens tokens = new AccessTokens(new JooqTokenStore(dsl), Clock.systemUTC());
        String deployer = tokens.issue("pair-deployer", Role.DEPLOYER, "test").secret().value();
        String agentToken = tokens.issue("pair-worker", Role.AGENT, "test").secret().value();
        receiver = Receiver.start();

        ControllerProcess first = controller("ctl-a").start();
        await().atMost(Duration.ofSeconds(30)).until(() -> leads(first));
        await("the leader's outbox opens its cursor").atMost(Duration.ofSeconds(30))
                .until(() -> dsl.fetchCount(DSL.table("notification_cursor"), DSL.field("sink").eq("watch")) == 1);
        ControllerProcess second = controller("ctl-b").start();
        assertThat(leads(second)).isFalse();
        assertThat(leader(second).path("leader").asText()).isEqualTo("ctl-a");

        // The agent, the deploy and the jobs all go to the follower: every replica serves agents and the API.
        agent = new AgentProcess("pair-worker", agentToken, second.url(), dir.resolve("agents/pair-worker"), List.of())
                .start();
        Api api = new Api(second.url(), deployer);
        long rollout = api.post("/api/v1/services/" + SERVICE + "/deploy",
                "{\"revision\": " + candidate + ", \"reason\": \"two controllers\"}").path("id").asLong();
        List<String> ids = new CopyOnWriteArrayList<>();
        load.scheduleWithFixedDelay(() -> ids.addAll(api.submit(1, 1)), 0, 400, TimeUnit.MILLISECONDS);
        JooqRolloutStore rollouts = new JooqRolloutStore(dsl);
        JooqJobStore jobs = new JooqJobStore(dsl);
        await("the canary stage runs the candidate").atMost(Duration.ofMinutes(2)).until(() ->
                rollouts.find(rollout).orElseThrow().state() == RolloutState.RUNNING
                        && ids.stream().flatMap(id -> jobs.attempts(id).stream()).anyMatch(a -> a.revision() == candidate));
        ids.addAll(api.submit(20, 2));
        await("the burst is in flight").atMost(Duration.ofSeconds(30))
                .until(() -> ids.stream().filter(id -> jobs.find(id).orElseThrow().status() == JobStatus.RUNNING).count() >= 2);
        assertThat(rollouts.find(rollout).orElseThrow().stage()).as("killed in the canary stage").isZero();

        first.kill();
        await("the follower takes the lead within the lease").atMost(Duration.ofSeconds(30))
                .until(() -> leads(second));

        Rollout done = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rollouts.find(rollout).orElseThrow(), r -> !r.state().open());
        assertThat(done.state()).as(done.note() + "\n" + second.log()).isEqualTo(RolloutState.SUCCEEDED);
        assertThat(new JooqTierStateStore(dsl).list(service.id())).allSatisfy(t -> assertThat(t.stable()).isEqualTo(candidate));
        List<RolloutEvent> events = rollouts.events(service.id(), 0, 1000);
        assertThat(events).filteredOn(e -> e.kind() == RolloutEvent.Kind.STARTED).hasSize(1);
        assertThat(events).filteredOn(e -> e.kind() == RolloutEvent.Kind.STAGE_PASSED).as("each stage passed once").hasSize(2);
        assertThat(events).filteredOn(e -> e.kind() == RolloutEvent.Kind.SUCCEEDED).hasSize(1);

        load.shutdownNow();
        load.awaitTermination(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> jobs.find(id).orElseThrow().status().finished()));
        for (String id : ids) {
            assertThat(jobs.find(id).orElseThrow().status()).as(agent.log()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(jobs.attempts(id)).extracting(Attempt::outcome).as("job %s ran once", id).hasSize(1);
        }

        List<Long> wanted = events.stream().filter(e -> NOTIFIED.contains(e.kind())).map(RolloutEvent::id).toList();
        await("every event is notified").atMost(Duration.ofSeconds(30))
                .until(() -> receiver.eventIds().containsAll(wanted));
        assertThat(receiver.eventIds()).as("no event notified twice").doesNotHaveDuplicates();

        ControllerProcess duplicate = controller("ctl-b");
        assertThatThrownBy(duplicate::start).hasMessageContaining("another controller is running with leader-id 'ctl-b'")
                .hasMessageContaining("give each controller its own drover.rollouts.leader-id");
        assertThat(leads(second)).as("the refused one changed nothing").isTrue();
    }

    /** The API as the deployer calls it. */
    private final class Api {
        private final String url;
        private final String token;

        Api(String url, String token) {
            this.url = url;
            this.token = token;
        }

        JsonNode post(String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isLessThan(300);
            return JSON.readTree(answer.body());
        }

        /** Submits {@code count} jobs of {@code seconds} each; their ids. */
        List<String> submit(int count, int seconds) {
            String job = "{\"params\": {\"DURATION\": \"" + seconds + "\"}}";
            try {
                List<String> ids = new ArrayList<>();
                post("/api/v1/services/" + SERVICE + "/jobs", "{\"jobs\": [" + String.join(",", Collections.nCopies(count, job))
                        + "]}").path("jobs").forEach(j -> ids.add(j.path("id").asText()));
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    /** A notification sink on loopback: the event id of each delivery it was sent, in order. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final List<Long> ids = new CopyOnWriteArrayList<>();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            Receiver r = new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            r.server.createContext("/", exchange -> {
                r.ids.add(JSON.readTree(exchange.getRequestBody()).path("id").asLong());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            r.server.start();
            return r;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        List<Long> eventIds() {
            return List.copyOf(ids);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
