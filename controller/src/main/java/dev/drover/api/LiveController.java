package dev.drover.api;

import dev.drover.live.LiveEvent;
import dev.drover.live.LiveFeed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/live}: server-sent events for the dashboard. First {@code hello}, then the rollout
 * events missed since {@code Last-Event-ID} (sent by the browser when it reconnects), then every change
 * as it is found, each named by its topic; {@code ping} every 15 seconds keeps idle connections open.
 */
@Controller("/api/v1/live")
@Secured(Roles.VIEWER)
@Tag(name = "status")
public class LiveController {
    static final Duration PING = Duration.ofSeconds(15);
    static final Duration MAX_LIFE = Duration.ofHours(1);
    private static final int REPLAY_LIMIT = 500;

    private final LiveStream stream;
    private final LiveFeed feed;
    private final Clock clock;

    public LiveController(LiveStream stream, LiveFeed feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
        this.stream = stream;
    }

    /**
     * A stream lives until its session ends, and at most {@link #MAX_LIFE}: the browser then reconnects,
     * and the credentials are checked again (an ended session or a revoked token is refused).
     */
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(summary = "Live changes for the dashboard, as server-sent events")
    public Publisher<Event<LiveEvent>> live(@Nullable @Header("Last-Event-ID") String lastEventId, Authentication caller) {
        Duration life = MAX_LIFE;
        if (caller.getAttributes().get(SessionCookie.EXPIRES_ATTRIBUTE) instanceof Instant expires) {
            life = Duration.between(clock.instant(), expires);
            life = life.compareTo(MAX_LIFE) > 0 ? MAX_LIFE : life.isNegative() ? Duration.ZERO : life;
        }
        return stream(lastEventId).take(life);
    }

    private Flux<Event<LiveEvent>> stream(@Nullable String lastEventId) {
        // The feed's baseline is taken before hello, so every change after hello reaches this stream.
        Flux<Event<LiveEvent>> hello = Mono.fromCallable(() -> {
            feed.baseline();
            return Event.of(new LiveEvent("hello", null, null, null, null, null, null)).name("hello");
        }).subscribeOn(Schedulers.boundedElastic()).flux();
        Flux<Event<LiveEvent>> missed = Flux.defer(() -> Flux.fromIterable(missedSince(lastEventId)))
                .subscribeOn(Schedulers.boundedElastic()).map(LiveController::event);
        Flux<Event<LiveEvent>> ping = Flux.interval(PING, PING)
                .map(i -> Event.of(new LiveEvent("ping", null, null, null, null, null, null)).name("ping"));
        // Subscribed in this order: to the live changes first, so this stream counts as watching before it asks for the baseline.
        return Flux.merge(stream.events().map(LiveController::event), Flux.concat(hello, missed), ping);
    }

    private List<LiveEvent> missedSince(@Nullable String lastEventId) {
        if (lastEventId == null || !lastEventId.trim().matches("\\d{1,18}")) {
            return List.of();
        }
        return feed.eventsAfter(Long.parseLong(lastEventId.trim()), REPLAY_LIMIT);
    }

    private static Event<LiveEvent> event(LiveEvent e) {
        Event<LiveEvent> event = Event.of(e).name(e.topic());
        return e.id() == null ? event : event.id(e.id().toString());
    }
}
