package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.access.ApiToken;
import dev.drover.access.DashboardSession;
import dev.drover.access.Role;
import dev.drover.access.SessionStore;
import dev.drover.access.TokenOrigin;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Dashboard sessions on every database: live until they expire, end, or their token is revoked. */
@ParameterizedClass
@EnumSource(Backend.class)
class SessionStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant END = T0.plus(Duration.ofHours(12));

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private SessionStore store;
    private JooqTokenStore tokens;
    private ApiToken token;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqSessionStore(db.database().dsl());
        tokens = new JooqTokenStore(db.database().dsl());
        token = tokens.create("oncall-" + System.nanoTime(), Role.DEPLOYER, Long.toHexString(System.nanoTime()) + "a".repeat(48),
                TokenOrigin.API, "test", T0);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private String hash(char c) {
        return (Character.toString(c) + Long.toHexString(System.nanoTime())).repeat(8).substring(0, 64);
    }

    @Test
    void aSessionIsFoundByItsHashWithItsTokensRoleUntilItExpires() {
        String h = hash('1');
        DashboardSession created = store.create(token.id(), h, T0, END);
        assertThat(created.token().name()).isEqualTo(token.name());

        assertThat(store.findActive(h, T0.plusSeconds(60))).hasValueSatisfying(s -> {
            assertThat(s.id()).isEqualTo(created.id());
            assertThat(s.token().role()).isEqualTo(Role.DEPLOYER);
            assertThat(s.expiresAt()).isEqualTo(END);
        });
        assertThat(store.findActive(h, END)).isEmpty();
        assertThat(store.findActive(hash('2'), T0)).isEmpty();
    }

    @Test
    void endingTheSessionOrRevokingItsTokenEndsIt() {
        String ended = hash('3');
        String revoked = hash('4');
        store.create(token.id(), ended, T0, END);
        store.create(token.id(), revoked, T0, END);

        assertThat(store.end(ended, T0.plusSeconds(5))).isTrue();
        assertThat(store.end(ended, T0.plusSeconds(6))).isFalse();
        assertThat(store.findActive(ended, T0.plusSeconds(10))).isEmpty();
        assertThat(store.findActive(revoked, T0.plusSeconds(10))).isPresent();

        tokens.revoke(token.name(), T0.plusSeconds(20));
        assertThat(store.findActive(revoked, T0.plusSeconds(30))).isEmpty();
    }

    @Test
    void sessionsEndedOrExpiredBeforeTheCutAreDeleted() {
        String old = hash('5');
        String live = hash('6');
        store.create(token.id(), old, T0, T0.plusSeconds(60));
        store.create(token.id(), live, T0, END);

        assertThat(store.deleteEndedBefore(T0.plusSeconds(120))).isEqualTo(1);
        assertThat(store.findActive(live, T0.plusSeconds(130))).isPresent();
    }
}
