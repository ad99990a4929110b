package dev.drover.store.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated databases for tests: an in-memory H2, or a new schema on the PostgreSQL server
 * that {@code ./drover test} starts ({@code DROVER_TEST_POSTGRES_*}). Under {@code ./drover test}
 * ({@code DROVER_TEST_REQUIRE_POSTGRES=1}) a missing server fails the run instead of skipping.
 */
public final class TestDatabases {
    public enum Backend { H2, POSTGRES }

    private TestDatabases() {
    }

    /** A new empty database on the backend, migrated; close the returned pool when done. */
    public static Opened open(Backend backend) {
        return backend == Backend.H2 ? h2() : postgres();
    }

    public record Opened(Database database, HikariDataSource pool) implements AutoCloseable {
        @Override
        public void close() {
            pool.close();
        }
    }

    private static Opened h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + Database.H2_MODE + ";DB_CLOSE_DELAY=-1";
        HikariDataSource pool = pool(url, "sa", "");
        return new Opened(Database.migrate(pool), pool);
    }

    private static Opened postgres() {
        String url = System.getenv("DROVER_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            String why = "DROVER_TEST_POSTGRES_URL is not set: run ./drover test, which starts PostgreSQL";
            if ("1".equals(System.getenv("DROVER_TEST_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        String user = System.getenv().getOrDefault("DROVER_TEST_POSTGRES_USER", "drover");
        String password = System.getenv().getOrDefault("DROVER_TEST_POSTGRES_PASSWORD", "drover");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (HikariDataSource admin = pool(url, user, password);
             Connection c = admin.getConnection();
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + url + ": " + e.getMessage(), e);
        }
        HikariDataSource pool = pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
        return new Opened(Database.migrate(pool), pool);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
