package dev.drover.server;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** {@code drover.targets.<name>.*}: a place jobs run. */
@EachProperty("drover.targets")
public record ConfiguredTarget(
        @Parameter String name,
        @Bindable(defaultValue = "local") String backend,
        @Bindable(defaultValue = "on-demand") String capacity,
        @Bindable(defaultValue = "0") int gpus,
        @Nullable String gpuModel,
        @Nullable String instanceType,
        @Bindable(defaultValue = "0") BigDecimal pricePerHour,
        @Nullable Map<String, String> labels,
        @Nullable String jobQueue,
        @Nullable List<String> computeEnvironments,
        @Nullable String jobRoleArn,
        @Nullable String executionRoleArn,
        @Bindable(defaultValue = "256") int maxInFlight) {
}
