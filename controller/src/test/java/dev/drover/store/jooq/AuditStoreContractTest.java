package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.audit.AuditEvent;
import dev.drover.audit.AuditOutcome;
import dev.drover.audit.AuditQuery;
import dev.drover.audit.AuditStore;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit log's contract, on every database the controller supports. */
@ParameterizedClass
@EnumSource(Backend.class)
class AuditStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private AuditStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqAuditStore(db.database().dsl());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private AuditEvent event(int second, String actor, String action, AuditOutcome outcome, int status) {
        return new AuditEvent(0, T0.plusSeconds(second), actor, action, "token/x", "because", outcome, status,
                outcome == AuditOutcome.OK ? null : "why not", "req-" + second);
    }

    @Test
    void appendedEventComesBackWhole() {
        AuditEvent appended = store.append(event(1, "alice", "token.create", AuditOutcome.REFUSED, 403));

        assertThat(appended.id()).isPositive();
        assertThat(store.list(AuditQuery.newest(10))).containsExactly(appended);
    }

    @Test
    void newestFirstWithPagingAndFilters() {
        AuditEvent a = store.append(event(1, "alice", "token.create", AuditOutcome.OK, 201));
        AuditEvent b = store.append(event(2, "anonymous", "token.create", AuditOutcome.REFUSED, 401));
        AuditEvent c = store.append(event(3, "alice", "token.revoke", AuditOutcome.REJECTED, 404));

        assertThat(store.list(AuditQuery.newest(10))).containsExactly(c, b, a);
        assertThat(store.list(AuditQuery.newest(2))).containsExactly(c, b);
        assertThat(store.list(new AuditQuery(10, b.id(), null, null))).containsExactly(a);
        assertThat(store.list(new AuditQuery(10, null, "alice", null))).containsExactly(c, a);
        assertThat(store.list(new AuditQuery(10, null, null, "token.create"))).containsExactly(b, a);
    }

    @Test
    void overlongTextIsClippedNotRefused() {
        String longReason = "r".repeat(5000);
        AuditEvent appended = store.append(new AuditEvent(0, T0, "alice", "token.create", "t", longReason,
                AuditOutcome.OK, 201, null, null));

        List<AuditEvent> listed = store.list(AuditQuery.newest(1));
        assertThat(listed).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(appended.id());
            assertThat(e.reason()).hasSize(2000).startsWith("rrr").endsWith("…");
        });
    }
}
