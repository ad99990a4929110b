package dev.drover.api;

import dev.drover.webhook.Delivery;
import dev.drover.webhook.DeliveryStore;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

@Controller("/api/v1/services/{name}/deliveries")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "services")
public class DeliveryController {
    private final DeliveryStore deliveries;

    public DeliveryController(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    /** Deliveries are kept by the name they were sent to, so those to unknown services are listed too. */
    @Get
    @Operation(summary = "Webhook deliveries to this service name, newest first, with what became of each")
    public List<Delivery> list(String name, @QueryValue(defaultValue = "50") int limit) {
        return deliveries.list(name, Limits.check(limit));
    }
}
