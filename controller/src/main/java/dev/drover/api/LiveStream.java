package dev.drover.api;

import dev.drover.live.LiveEvent;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands each change the live loop finds to every open dashboard. A dashboard too slow to keep up misses
 * events rather than holding up the others; it reloads what it shows on the next one.
 */
@Singleton
public class LiveStream {
    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

    /** Called from the live loop's one thread only. */
    public void publish(LiveEvent event) {
        sink.tryEmitNext(event);
    }

    public boolean watched() {
        return sink.currentSubscriberCount() > 0;
    }

    Flux<LiveEvent> events() {
        return sink.asFlux();
    }
}
