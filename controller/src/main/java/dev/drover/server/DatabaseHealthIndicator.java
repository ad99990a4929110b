package dev.drover.server;

import dev.drover.store.jooq.Database;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** {@code /health} includes the database: a round trip, and which database it is. */
@Singleton
public class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Database database;

    public DatabaseHealthIndicator(Database database, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.database = database;
        setExecutorService(executor);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        database.ping();
        healthStatus = HealthStatus.UP;
        return Map.of("product", database.product());
    }

    @Override
    protected String getName() {
        return "database";
    }
}
