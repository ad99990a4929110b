package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.commit.CommitStore;
import dev.drover.notify.NotificationStore;
import dev.drover.notify.TestReceiver;
import dev.drover.revision.GreenRevisions;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.rollout.RolloutCommands;
import dev.drover.rollout.RolloutEngine;
import dev.drover.rollout.RolloutState;
import dev.drover.rollout.RolloutStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A receiver that reads each notification and never answers holds up only the notification thread: a
 * rollback through the API returns at once, and the notification later shows the time-out.
 */
class NotificationsHttpTest {
    private static final TestReceiver STUCK = new TestReceiver().hang();
    private static EmbeddedServer server;
    private static Http http;
    private static String deployer;
    private static String viewer;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "drover.notifications.interval", "100ms",
                "drover.notifications.timeout", "3s",
                "drover.notifications.backoff", "1s",
                "drover.notifications.sinks.stuck.url", STUCK.url("/hook")), "test");
        http = new Http(server.getURI());
        AccessTokens tokens = server.getApplicationContext().getBean(AccessTokens.class);
        deployer = tokens.issue("notify-deployer", Role.DEPLOYER, "test").secret().value();
        viewer = tokens.issue("notify-viewer", Role.VIEWER, "test").secret().value();
    }

    @AfterAll
    static void stop() {
        server.close();
        STUCK.close();
    }

    private static <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Test
    void aRollbackReturnsAtOnceWhileTheReceiverHangsAndTheTimeOutIsRecorded() {
        bean(NotificationStore.class).cursor("stuck", 0); // the sink starts here, whenever the loop's first pass comes
        Service service = bean(Services.class).add(new ServiceSettings("notified", "file:///none", "main", null, null));
        RevisionSpec spec = new RevisionSpec(List.of("sh"), Map.of(), Map.of(), 1, 1L << 30, 1L << 20, 60, 0, 0,
                "optional", false, List.of(new RevisionSpec.Tier("main", "cpu", 1, 0)));
        for (String sha : List.of("a", "b")) {
            GreenRevisions.create(bean(CommitStore.class), bean(RevisionStore.class), service.id(), sha.repeat(40),
                    "sha256:" + "1".repeat(64), spec, Instant.now());
        }
        bean(TierStateStore.class).deployAll(service.id(), List.of("main"), 1, Instant.now());
        long rollout = bean(RolloutCommands.class).deploy(service.id(), 2, "ada", "ship", false).id();
        bean(RolloutEngine.class).reconcile(); // started: the notification thread now waits on the receiver
        await().atMost(Duration.ofSeconds(10)).until(() -> !STUCK.received().isEmpty());

        long before = System.nanoTime();
        Http.Reply back = http.post("/api/v1/services/notified/rollback", deployer, "{\"reason\":\"bad output\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(took).as("the rollback did not wait for the receiver").isLessThan(Duration.ofSeconds(2));
        assertThat(bean(RolloutStore.class).find(rollout).orElseThrow().state()).isEqualTo(RolloutState.ROLLED_BACK);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Http.Reply shown = http.get("/api/v1/notifications?limit=10", viewer);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(shown.json().findValuesAsText("event")).contains("started", "rolled-back", "locked");
            assertThat(shown.json().findValuesAsText("lastError")).anySatisfy(e -> assertThat(e).contains("no answer within"));
        });
        Http.Reply failedOnly = http.get("/api/v1/notifications?status=failed", viewer);
        assertThat(failedOnly.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/notifications?status=lost", viewer).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/notifications", null).status()).isEqualTo(401);
    }
}
