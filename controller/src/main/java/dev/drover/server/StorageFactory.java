package dev.drover.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.drover.access.AccessTokens;
import dev.drover.access.Sessions;
import dev.drover.access.TokenStore;
import dev.drover.audit.AuditStore;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.DatabaseFaults;
import dev.drover.store.jooq.JooqAuditStore;
import dev.drover.store.jooq.JooqServiceStore;
import dev.drover.store.jooq.JooqSessionStore;
import dev.drover.store.jooq.JooqTokenStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/** Wires the database, the stores and the clock. One database for every store, chosen by its URL. */
@Factory
public class StorageFactory {

    @Singleton
    DatabaseFaults databaseFaults(DatabaseConfig config, @Value("${drover.home:.drover}") String home) {
        boolean embedded = config.url() == null || config.url().isBlank();
        return new DatabaseFaults(embedded ? Path.of(home).toAbsolutePath().normalize().resolve("db") : null);
    }

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(DatabaseConfig config, @Value("${drover.home:.drover}") String home, DatabaseFaults faults)
            throws Exception {
        HikariConfig hikari = new HikariConfig();
        hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hikari.setExceptionOverride(faults);
        hikari.setPoolName("drover");
        hikari.setJdbcUrl(jdbcUrl(config, Path.of(home)));
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            // In words: never the URL's credentials, never a stack trace.
            throw new StartRefused(faults.inUse(e).orElseGet(() -> "the database would not open: " + faults.describe(e)));
        }
    }

    static String jdbcUrl(DatabaseConfig config, Path home) throws Exception {
        if (config.url() != null && !config.url().isBlank()) {
            return config.url();
        }
        Path dir = home.toAbsolutePath().normalize().resolve("db");
        Files.createDirectories(dir);
        ownerOnly(dir);
        // No trace file (drover.trace.db): at its default level H2 writes every failed statement there, with the
        // values bound to it, secrets included. Failures reach the controller's log, in words.
        return "jdbc:h2:file:" + dir.resolve("drover") + Database.H2_MODE + ";TRACE_LEVEL_FILE=0";
    }

    /** The database holds webhook secrets: only the controller's user may open its folder (where the file system can say). */
    private static void ownerOnly(Path dir) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Singleton
    Database database(HikariDataSource dataSource) {
        return Database.migrate(dataSource);
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    TokenStore tokenStore(Database database) {
        return new JooqTokenStore(database.dsl());
    }

    @Singleton
    AuditStore auditStore(Database database) {
        return new JooqAuditStore(database.dsl());
    }

    @Singleton
    ServiceStore serviceStore(Database database) {
        return new JooqServiceStore(database.dsl());
    }

    @Singleton
    AccessTokens accessTokens(TokenStore store, Clock clock) {
        return new AccessTokens(store, clock);
    }

    @Singleton
    Sessions sessions(AccessTokens tokens, Database database, Clock clock, DashboardConfig config) {
        return new Sessions(tokens, new JooqSessionStore(database.dsl()), clock, config.sessionTtl());
    }
}
