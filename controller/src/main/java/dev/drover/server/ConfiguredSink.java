package dev.drover.server;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * {@code drover.notifications.sinks.<name>.*}: a webhook that is told about events.
 *
 * @param format {@code json} (Drover's event) or {@code slack} (a Slack incoming webhook's {@code {"text": ...}})
 * @param events event names (e.g. {@code rolled-back}); none: every event on-call cares about
 * @param secret the name of a controller-side secret that signs each body ({@code X-Drover-Signature-256})
 */
@EachProperty("drover.notifications.sinks")
public record ConfiguredSink(
        @Parameter String name,
        String url,
        @Bindable(defaultValue = "json") String format,
        @Nullable List<String> events,
        @Nullable String secret) {
}
