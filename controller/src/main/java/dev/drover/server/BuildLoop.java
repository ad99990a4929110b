package dev.drover.server;

import dev.drover.build.BuildQueue;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts queued builds: after a restart it first re-queues what was cut off, then looks every second. */
@Singleton
public class BuildLoop {
    private static final Logger LOG = LoggerFactory.getLogger(BuildLoop.class);

    private final BuildQueue queue;
    private final BuildConfig config;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drover-build-loop");
        thread.setDaemon(true);
        return thread;
    });

    public BuildLoop(BuildQueue queue, BuildConfig config) {
        this.queue = queue;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("builds are off (drover.builds.enabled: false): commits stay queued");
            return;
        }
        queue.recover();
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        LOG.info("builds on {} (concurrency {}, registry {})", config.dockerHost(), config.concurrency(),
                config.registry().isBlank() ? "none" : config.registry());
    }

    private void tick() {
        try {
            queue.tick();
        } catch (RuntimeException e) {
            LOG.error("build tick failed: {}", e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
