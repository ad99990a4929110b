package dev.drover.api;

import dev.drover.notify.NotificationStatus;
import dev.drover.notify.NotificationStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Notifications the outbox queued, delivered or gave up on: where on-call sees why a webhook went quiet. */
@Controller("/api/v1/notifications")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "notifications")
public class NotificationController {
    private final NotificationStore store;

    public NotificationController(NotificationStore store) {
        this.store = store;
    }

    @Get
    @Operation(summary = "Outbound notifications, newest first; 'status' is queued, delivered or failed")
    public List<NotificationView> list(@QueryValue(defaultValue = "50") int limit,
                                       @Nullable @Size(max = Input.WORD, message = Input.AT_MOST) @QueryValue String status) {
        Optional<NotificationStatus> only;
        try {
            only = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(NotificationStatus::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be queued, delivered or failed, got '" + status + "'");
        }
        return store.list(Limits.check(limit), only).stream().map(NotificationView::of).toList();
    }
}
