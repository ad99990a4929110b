package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drover.commit.CommitStatus;
import dev.drover.commit.SeenCommit;
import dev.drover.notify.Notification;
import dev.drover.notify.NotificationStatus;
import dev.drover.notify.NotificationStore;
import dev.drover.rollout.RolloutEvent;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox's store on both databases: a sink's cursor, queueing once per sink and event, claims that only
 * one controller wins; and the events it reads: every service's, commit events with their sha.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class NotificationStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private NotificationStore store;
    private JooqRolloutStore rollouts;
    private JooqCommitStore commits;
    private long a;
    private long b;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqNotificationStore(db.database().dsl());
        rollouts = new JooqRolloutStore(db.database().dsl());
        commits = new JooqCommitStore(db.database().dsl());
        JooqServiceStore services = new JooqServiceStore(db.database().dsl());
        a = services.create(new ServiceSettings("a", "file:///a", "main", null, null), ServiceOrigin.API, T0).id();
        b = services.create(new ServiceSettings("b", "file:///b", "main", null, null), ServiceOrigin.API, T0).id();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private long invalidCommit(long serviceId, String sha) {
        commits.record(serviceId, new SeenCommit(sha, List.of(), "Grace", "g@x", "subject", T0), CommitStatus.INVALID,
                "no drover.yaml", T0);
        return rollouts.lastEventId();
    }

    private Notification.New notification(long eventId, long serviceId) {
        return new Notification.New("hooks", eventId, serviceId, "commit-invalid", "http://127.0.0.1:1/x", "{}", T0);
    }

    @Test
    void commitEventsOfEveryServiceAreReadOldestFirstWithTheirSha() {
        assertThat(rollouts.lastEventId()).isZero();
        long first = invalidCommit(a, "a".repeat(40));
        long second = invalidCommit(b, "b".repeat(40));

        assertThat(rollouts.eventsAfter(0, 10)).extracting(RolloutEvent::id, RolloutEvent::serviceId, RolloutEvent::commitSha)
                .containsExactly(tuple(first, a, "a".repeat(40)),
                        tuple(second, b, "b".repeat(40)));
        assertThat(rollouts.eventsAfter(first, 10)).extracting(RolloutEvent::id).containsExactly(second);
        assertThat(rollouts.eventsAfter(0, 1)).hasSize(1);
        assertThat(rollouts.events(a, 0, 10).get(0).message()).contains("Grace").contains("no drover.yaml");
    }

    @Test
    void aCursorStartsWhereItIsFirstAskedForAndNeverMovesDown() {
        assertThat(store.cursor("hooks", 7)).isEqualTo(new NotificationStore.Cursor(7, 7));
        assertThat(store.cursor("hooks", 99)).as("created once").isEqualTo(new NotificationStore.Cursor(7, 7));

        store.queue("hooks", 12, List.of());
        store.queue("hooks", 9, List.of());

        assertThat(store.cursor("hooks", 0)).isEqualTo(new NotificationStore.Cursor(7, 12));
    }

    @Test
    void anEventIsQueuedOncePerSink() {
        long event = invalidCommit(a, "a".repeat(40));
        store.cursor("hooks", 0);

        assertThat(store.queue("hooks", event, List.of(notification(event, a)))).isEqualTo(1);
        assertThat(store.queue("hooks", event, List.of(notification(event, a)))).isZero();

        assertThat(store.queued("hooks", 0)).containsExactly(event);
        assertThat(store.queued("other", 0)).isEmpty();
        assertThat(store.list(10, Optional.empty())).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.QUEUED);
            assertThat(n.attempts()).isZero();
            assertThat(n.nextAttemptAt()).isEqualTo(T0);
        });
    }

    @Test
    void onlyOneClaimOfAnAttemptWinsAndItsOutcomeIsRecorded() {
        long event = invalidCommit(a, "a".repeat(40));
        store.cursor("hooks", 0);
        store.queue("hooks", event, List.of(notification(event, a)));
        Notification due = store.due(T0, 10).get(0);

        assertThat(store.claim(due, T0.plusSeconds(30))).isTrue();
        assertThat(store.claim(due, T0.plusSeconds(30))).as("a second controller with the same read").isFalse();
        assertThat(store.due(T0.plusSeconds(29), 10)).as("held while claimed").isEmpty();

        store.record(due.id(), new Notification.Outcome(NotificationStatus.QUEUED, 1, 503, "HTTP 503", T0.plusSeconds(2),
                null));
        assertThat(store.due(T0.plusSeconds(2), 10)).singleElement().satisfies(n -> {
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastStatusCode()).isEqualTo(503);
            assertThat(n.lastError()).isEqualTo("HTTP 503");
        });
        store.record(due.id(), new Notification.Outcome(NotificationStatus.DELIVERED, 2, 200, null, T0.plusSeconds(3),
                T0.plusSeconds(3)));
        assertThat(store.due(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store.list(10, Optional.of(NotificationStatus.DELIVERED))).singleElement()
                .satisfies(n -> assertThat(n.deliveredAt()).isEqualTo(T0.plusSeconds(3)));
        assertThat(store.list(10, Optional.of(NotificationStatus.FAILED))).isEmpty();
    }
}
