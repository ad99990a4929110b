package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.access.ApiToken;
import dev.drover.access.Role;
import dev.drover.access.TokenOrigin;
import dev.drover.access.TokenStore;
import dev.drover.store.AlreadyExistsException;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The token store's contract, on every database the controller supports. */
@ParameterizedClass
@EnumSource(Backend.class)
class TokenStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456Z");
    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private TokenStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        store = new JooqTokenStore(db.database().dsl());
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void createdTokenIsFoundByItsHashWithEveryField() {
        ApiToken created = store.create("ci-bot", Role.DEPLOYER, HASH_A, TokenOrigin.API, "alice", T0);

        assertThat(store.findActiveByHash(HASH_A)).contains(created);
        assertThat(created.name()).isEqualTo("ci-bot");
        assertThat(created.role()).isEqualTo(Role.DEPLOYER);
        assertThat(created.origin()).isEqualTo(TokenOrigin.API);
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.createdBy()).isEqualTo("alice");
        assertThat(created.active()).isTrue();
        assertThat(store.findActiveByHash(HASH_B)).isEmpty();
    }

    @Test
    void namesAndHashesAreUnique() {
        store.create("ci-bot", Role.VIEWER, HASH_A, TokenOrigin.API, "alice", T0);

        assertThatThrownBy(() -> store.create("ci-bot", Role.ADMIN, HASH_B, TokenOrigin.API, "bob", T0))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("ci-bot");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void revokedTokenNoLongerAuthenticatesButStaysListed() {
        store.create("ci-bot", Role.VIEWER, HASH_A, TokenOrigin.API, "alice", T0);

        assertThat(store.revoke("ci-bot", T0.plusSeconds(5))).isTrue();
        assertThat(store.revoke("ci-bot", T0.plusSeconds(6))).isFalse();
        assertThat(store.revoke("nobody", T0)).isFalse();

        assertThat(store.findActiveByHash(HASH_A)).isEmpty();
        assertThat(store.list()).singleElement().satisfies(t -> assertThat(t.revokedAt()).isEqualTo(T0.plusSeconds(5)));
    }

    @Test
    void configuredTokenIsCreatedThenReplacedInPlace() {
        ApiToken first = store.putConfigured("local-admin", Role.ADMIN, HASH_A, T0);
        store.revoke("local-admin", T0.plusSeconds(1));
        ApiToken second = store.putConfigured("local-admin", Role.VIEWER, HASH_B, T0.plusSeconds(2));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.origin()).isEqualTo(TokenOrigin.CONFIG);
        assertThat(second.active()).isTrue();
        assertThat(store.findActiveByHash(HASH_A)).isEmpty();
        assertThat(store.findActiveByHash(HASH_B)).map(ApiToken::role).contains(Role.VIEWER);
    }

    /** A restart declares the same secret again: a token revoked through the API must stay revoked. */
    @Test
    void aRevokedConfiguredTokenStaysRevokedWhenDeclaredAgainWithTheSameSecret() {
        store.putConfigured("local-admin", Role.ADMIN, HASH_A, T0);
        store.revoke("local-admin", T0.plusSeconds(1));

        ApiToken again = store.putConfigured("local-admin", Role.ADMIN, HASH_A, T0.plusSeconds(2));

        assertThat(again.active()).isFalse();
        assertThat(again.revokedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(store.findActiveByHash(HASH_A)).isEmpty();
    }

    @Test
    void listIsOrderedByName() {
        store.create("zeta", Role.VIEWER, HASH_A, TokenOrigin.API, "alice", T0);
        store.create("alpha", Role.ADMIN, HASH_B, TokenOrigin.API, "alice", T0);

        assertThat(store.list()).extracting(ApiToken::name).containsExactly("alpha", "zeta");
    }
}
