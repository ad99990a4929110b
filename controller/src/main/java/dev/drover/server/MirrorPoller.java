package dev.drover.server;

import dev.drover.commit.CommitIntake;
import dev.drover.commit.MirrorException;
import dev.drover.commit.SyncResult;
import dev.drover.service.Service;
import dev.drover.service.ServiceStore;
import dev.drover.store.jooq.DatabaseFaults;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches every service's branch every {@code drover.git.poll-interval} (± jitter), so commits are
 * recorded even when webhooks are lost. A small tick checks which services are due and hands each to a
 * pool of {@link #THREADS} fetchers, one fetch per service at a time: a repository that hangs until the
 * fetch timeout, or fails in any way, holds up only itself. A service's failure is kept on it
 * ({@code mirror.lastError}) and logged once per change.
 */
@Singleton
public class MirrorPoller {
    /** Fetches that may run at once. */
    static final int THREADS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(MirrorPoller.class);

    private final ServiceStore services;
    private final CommitIntake intake;
    private final GitConfig config;
    private final Clock clock;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final Set<String> polling = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();
    private final Ticker ticker;
    private final ExecutorService fetchers;

    public MirrorPoller(ServiceStore services, CommitIntake intake, GitConfig config, Clock clock, Leadership leadership) {
        this.ticker = new Ticker("drover-poller", leadership::leads);
        this.services = services;
        this.intake = intake;
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.fetchers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "drover-fetch-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
            if (!now.isBefore(next) && polling.add(service.name())) {
                try {
                    fetchers.execute(() -> poll(service));
                } catch (RejectedExecutionException e) {
                    polling.remove(service.name()); // stopping
                }
            }
        }
    }

    private void poll(Service service) {
        try {
            SyncResult result = intake.synchronize(service);
            if (!result.recorded().isEmpty() || result.rewrite().isPresent()) {
                LOG.info("poll of {}: {}", service.name(), result.describe());
            }
            if (lastFailure.remove(service.name()) != null) {
                LOG.info("poll of {} works again", service.name());
            }
        } catch (MirrorException e) {
            failed(service, e.getMessage(), null);
        } catch (RuntimeException e) {
            Optional<String> database = DatabaseFaults.statement(e);
            failed(service, database.orElse("unexpected " + e.getClass().getSimpleName()), database.isPresent() ? null : e);
        } finally {
            due.put(service.name(), clock.instant().plus(nextWait()));
            polling.remove(service.name());
        }
    }

    private void failed(Service service, String failure, Throwable unexpected) {
        if (!failure.equals(lastFailure.put(service.name(), failure))) {
            if (unexpected == null) {
                LOG.warn("poll of {} failed: {} (logged again only when it changes)", service.name(), failure);
            } else {
                LOG.error("poll of {} failed: {} (logged again only when it changes)", service.name(), failure, unexpected);
            }
        }
    }

    private Duration nextWait() {
        double factor = 1 + config.pollJitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(config.pollInterval().toMillis() * factor)));
    }

    @PreDestroy
    void stop() {
        ticker.stop();
        fetchers.shutdownNow();
    }
}
