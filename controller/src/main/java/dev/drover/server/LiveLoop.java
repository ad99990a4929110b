package dev.drover.server;

import dev.drover.api.LiveStream;
import dev.drover.live.LiveFeed;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Looks for changes every {@code drover.dashboard.live-interval} while a dashboard is open, and hands
 * them to the open dashboards; with none open it only forgets its baseline (0 turns it off).
 */
@Singleton
public class LiveLoop {
    private final LiveFeed feed;
    private final LiveStream stream;
    private final DashboardConfig config;
    private final Ticker ticker = new Ticker("drover-live");

    public LiveLoop(LiveFeed feed, LiveStream stream, DashboardConfig config) {
        this.feed = feed;
        this.stream = stream;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.liveInterval().isZero()) {
            ticker.every("live dashboard changes", Duration.ZERO, config.liveInterval(), this::look);
        }
    }

    void look() {
        if (stream.watched()) {
            feed.look(stream::publish);
        } else {
            feed.resetIf(() -> !stream.watched());
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
