package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.store.jooq.TestDatabases.Backend;
import dev.drover.webhook.Delivery;
import dev.drover.webhook.DeliveryOutcome;
import dev.drover.webhook.DeliveryStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The webhook delivery log's contract, on every database the controller supports. */
@ParameterizedClass
@EnumSource(Backend.class)
class DeliveryStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private DeliveryStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqDeliveryStore(db.database().dsl());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Delivery delivery(String service, String id, DeliveryOutcome outcome) {
        return new Delivery(0, service, "github", id, T0, outcome, "because", 202, "refs/heads/main", "a".repeat(40), 120);
    }

    @Test
    void deliveriesComeBackNewestFirstPerService() {
        Delivery first = store.append(delivery("svc", "d1", DeliveryOutcome.ACCEPTED));
        Delivery second = store.append(delivery("svc", null, DeliveryOutcome.REFUSED));
        store.append(delivery("other", "d1", DeliveryOutcome.ACCEPTED));

        assertThat(first.id()).isPositive();
        assertThat(store.list("svc", 10)).containsExactly(second, first);
        assertThat(store.list("nobody", 10)).isEmpty();
    }

    @Test
    void onlyAnAcceptedDeliveryCountsForRedelivery() {
        store.append(delivery("svc", "d1", DeliveryOutcome.REFUSED));
        assertThat(store.accepted("svc", "github", "d1")).isFalse();

        store.append(delivery("svc", "d1", DeliveryOutcome.ACCEPTED));
        assertThat(store.accepted("svc", "github", "d1")).isTrue();
        assertThat(store.accepted("svc", "gitlab", "d1")).isFalse();
        assertThat(store.accepted("other", "github", "d1")).isFalse();
    }
}
