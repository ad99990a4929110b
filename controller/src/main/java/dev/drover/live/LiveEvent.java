package dev.drover.live;

import dev.drover.rollout.RolloutEvent;
import java.time.Instant;

/**
 * Something an open dashboard should show without a reload.
 *
 * @param topic   {@code rollout} (one rollout, lock or commit event: {@code id}, {@code kind}, {@code message}
 *                and {@code at} set), or a part of the state that changed: {@code jobs}, {@code tiers},
 *                {@code commits}, {@code verdicts}, {@code agents}, {@code audit}
 * @param service the service it is about; null for {@code agents}, {@code audit}, and {@code jobs} when
 *                any service's may have changed
 */
public record LiveEvent(String topic, String service, Long id, Long rolloutId, String kind, String message, Instant at) {
    public static final String ROLLOUT = "rollout";

    static LiveEvent change(String topic, String service) {
        return new LiveEvent(topic, service, null, null, null, null, null);
    }

    public static LiveEvent of(RolloutEvent e, String service) {
        return new LiveEvent(ROLLOUT, service, e.id(), e.rolloutId(), e.kind().wireName(), e.message(), e.at());
    }
}
