package dev.drover.api;

import dev.drover.agent.DroverVersion;
import dev.drover.store.jooq.Database;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;

@Controller("/api/v1/status")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "status")
public class StatusController {
    private final Database database;
    private final Clock clock;

    public StatusController(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Get
    @Operation(summary = "The controller's version, database and health, and the caller's token")
    public StatusView status(Authentication caller) {
        String health = databaseHealth();
        return new StatusView(DroverVersion.get(), database.product(), health, clock.instant(),
                new StatusView.Caller(caller.getName(),
                        String.valueOf(caller.getAttributes().get(BearerTokenAuthentication.ROLE_ATTRIBUTE))));
    }

    private String databaseHealth() {
        try {
            database.ping();
            return HealthStatus.UP.getName();
        } catch (RuntimeException e) {
            return HealthStatus.DOWN.getName() + ": " + e.getMessage();
        }
    }
}
