package dev.drover.api;

import dev.drover.target.Target;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;

@Controller("/api/v1/targets")
@Secured(Roles.VIEWER)
@Tag(name = "targets")
public class TargetController {
    private final List<Target> targets;

    public TargetController(List<Target> targets) {
        this.targets = targets;
    }

    /** A target as the API shows it. */
    public record TargetView(String name, String backend, String capacity, int gpus, String gpuModel,
                             String instanceType, BigDecimal pricePerHour) {
    }

    @Get
    @Operation(summary = "The targets this controller knows (drover.targets)")
    public List<TargetView> list() {
        return targets.stream().map(t -> new TargetView(t.name(), t.backend(), t.capacity().wireName(), t.gpus(),
                t.gpuModel(), t.instanceType(), t.pricePerHour())).toList();
    }
}
