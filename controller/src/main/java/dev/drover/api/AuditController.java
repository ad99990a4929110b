package dev.drover.api;

import dev.drover.audit.AuditQuery;
import dev.drover.audit.AuditStore;
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

@Controller("/api/v1/audit")
@Secured(Roles.VIEWER)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "audit")
public class AuditController {
    private final AuditStore store;

    public AuditController(AuditStore store) {
        this.store = store;
    }

    @Get
    @Operation(summary = "The audit log, newest first; page with 'before' (an id)")
    public List<AuditEventView> list(@QueryValue(defaultValue = "50") int limit, @Nullable @QueryValue Long before,
                                     @Nullable @Size(max = Input.ACTOR, message = Input.AT_MOST) @QueryValue String actor,
                                     @Nullable @Size(max = Input.ACTOR, message = Input.AT_MOST) @QueryValue String action) {
        return store.list(new AuditQuery(limit, before, actor, action)).stream().map(AuditEventView::of).toList();
    }
}
