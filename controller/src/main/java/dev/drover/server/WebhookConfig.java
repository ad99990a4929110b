package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/** {@code drover.webhooks.*}. @param maxBodySize larger deliveries get 413 */
@ConfigurationProperties("drover.webhooks")
public record WebhookConfig(@Bindable(defaultValue = "5MB") @ReadableBytes int maxBodySize) {
}
