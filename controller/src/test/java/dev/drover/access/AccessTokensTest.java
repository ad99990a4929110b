package dev.drover.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.store.jooq.JooqTokenStore;
import dev.drover.store.jooq.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokensTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private TestDatabases.Opened db;
    private AccessTokens tokens;

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Backend.H2);
        tokens = new AccessTokens(new JooqTokenStore(db.database().dsl()), CLOCK);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anIssuedSecretAuthenticatesAsItsToken() {
        IssuedToken issued = tokens.issue("ci-bot", Role.DEPLOYER, "alice");

        assertThat(issued.secret().value()).startsWith("drv_").hasSize(47);
        assertThat(tokens.authenticate(issued.secret().value())).contains(issued.token());
        assertThat(tokens.authenticate(issued.secret().value() + "x")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(issued.token().createdAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theStoreNeverSeesTheSecret() {
        IssuedToken issued = tokens.issue("ci-bot", Role.VIEWER, "alice");

        assertThat(issued.token().toString()).doesNotContain(issued.secret().value());
        assertThat(issued.secret().toString()).doesNotContain(issued.secret().value());
        assertThat(issued.secret().hash()).hasSize(64).isNotEqualTo(issued.secret().value());
    }

    @Test
    void aRevokedTokenStopsAuthenticating() {
        IssuedToken issued = tokens.issue("ci-bot", Role.VIEWER, "alice");

        assertThat(tokens.revoke("ci-bot")).isTrue();
        assertThat(tokens.authenticate(issued.secret().value())).isEmpty();
    }

    @Test
    void aDeclaredTokenAuthenticatesByTheHashOfItsSecret() {
        tokens.declare("automation", Role.DEPLOYER, TokenSecret.sha256("drv_known-secret"));

        assertThat(tokens.authenticate("drv_known-secret")).map(ApiToken::role).contains(Role.DEPLOYER);
        assertThatThrownBy(() -> tokens.declare("automation", Role.ADMIN, "not-a-hash"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 lower-case hex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "-lead", "has space", "a/b"})
    void badNamesAreRefusedWithWhatIsAllowed(String name) {
        assertThatThrownBy(() -> tokens.issue(name, Role.VIEWER, "alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters, digits");
    }
}
