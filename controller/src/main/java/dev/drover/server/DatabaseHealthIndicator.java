package dev.drover.server;

import dev.drover.store.jooq.Database;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code /health} includes the database: a round trip, and which database it is; when it fails, DOWN with what is
 * wrong in words ({@code "error": "disk full at /var/lib/drover/db"}), never a statement's text.
 */
@Singleton
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Database database;
    private final DatabaseWatch watch;

    public DatabaseHealthIndicator(Database database, DatabaseWatch watch,
                                   @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.database = database;
        this.watch = watch;
        setExecutorService(executor);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        watch.ping();
        if (watch.down().isPresent()) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", watch.down().get());
        }
        healthStatus = HealthStatus.UP;
        return Map.of("product", database.product());
    }

    @Override
    protected String getName() {
        return "database";
    }
}
