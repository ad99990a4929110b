package dev.drover.server;

import dev.drover.commit.CommitIntake;
import dev.drover.commit.MirrorException;
import dev.drover.commit.SyncResult;
import dev.drover.service.Service;
import dev.drover.service.ServiceStore;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches every service's branch every {@code drover.git.poll-interval} (± jitter), so commits are
 * recorded even when webhooks are lost. A small tick checks which services are due.
 */
@Singleton
public class MirrorPoller {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorPoller.class);

    private final ServiceStore services;
    private final CommitIntake intake;
    private final GitConfig config;
    private final Clock clock;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final Ticker ticker;

    public MirrorPoller(ServiceStore services, CommitIntake intake, GitConfig config, Clock clock, Leadership leadership) {
        this.ticker = new Ticker("drover-poller", leadership::leads);
        this.services = services;
        this.intake = intake;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (config.pollInterval().isZero()) {
            LOG.info("polling is off (drover.git.poll-interval: 0): commits come in by webhook only");
            return;
        }
        long tickMillis = Math.max(50, Math.min(1000, config.pollInterval().toMillis() / 4));
        ticker.every("poll tick", Duration.ofMillis(tickMillis), Duration.ofMillis(tickMillis), this::tick);
    }

    void tick() {
        Instant now = clock.instant();
        for (Service service : services.list()) {
            Instant next = due.computeIfAbsent(service.name(), name -> now);
            if (!now.isBefore(next)) {
                poll(service);
                due.put(service.name(), clock.instant().plus(nextWait()));
            }
        }
    }

    private void poll(Service service) {
        try {
            SyncResult result = intake.synchronize(service);
            if (!result.recorded().isEmpty() || result.rewrite().isPresent()) {
                LOG.info("poll of {}: {}", service.name(), result.describe());
            }
        } catch (MirrorException e) {
            LOG.warn("poll of {} failed: {}", service.name(), e.getMessage());
        }
    }

    private Duration nextWait() {
        double factor = 1 + config.pollJitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(config.pollInterval().toMillis() * factor)));
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
