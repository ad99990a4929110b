package dev.drover.server;

import dev.drover.notify.NotificationOutbox;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Runs the notification outbox every {@code drover.notifications.interval} on its own thread (0, or no sink,
 * turns it off), so a slow receiver holds up only other notifications, never a rollout.
 */
@Singleton
public class NotificationLoop {
    private final NotificationOutbox outbox;
    private final NotificationsConfig config;
    private final Ticker ticker;

    public NotificationLoop(NotificationOutbox outbox, NotificationsConfig config, Leadership leadership) {
        this.ticker = new Ticker("drover-notifications", leadership::leads);
        this.outbox = outbox;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.interval().isZero() && outbox.hasSinks()) {
            ticker.every("notifications", Duration.ofSeconds(1), config.interval(), outbox::pass);
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
