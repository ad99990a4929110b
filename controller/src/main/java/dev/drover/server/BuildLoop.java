package dev.drover.server;

import dev.drover.build.BuildQueue;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts queued builds: after a restart it first re-queues what was cut off, then looks every second. */
@Singleton
public class BuildLoop {
    private static final Logger LOG = LoggerFactory.getLogger(BuildLoop.class);

    private final BuildQueue queue;
    private final BuildConfig config;
    private final Ticker ticker;

    public BuildLoop(BuildQueue queue, BuildConfig config, Leadership leadership) {
        this.ticker = new Ticker("drover-build-loop", leadership::leads);
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
        ticker.every("build tick", Duration.ofSeconds(1), Duration.ofSeconds(1), queue::tick);
        LOG.info("builds on {} (concurrency {}, registry {})", config.dockerHost(), config.concurrency(),
                config.registry().isBlank() ? "none" : config.registry());
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
