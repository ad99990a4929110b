package dev.drover.server;

import dev.drover.rollout.RolloutEngine;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Runs the rollout engine's reconcile every {@code drover.rollouts.interval} (0 turns it off, for tests). */
@Singleton
public class RolloutLoop {
    private final RolloutEngine engine;
    private final RolloutsConfig config;
    private final Ticker ticker;

    public RolloutLoop(RolloutEngine engine, RolloutsConfig config, Leadership leadership) {
        this.ticker = new Ticker("drover-rollouts", leadership::leads);
        this.engine = engine;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.interval().isZero()) {
            ticker.every("rollouts", Duration.ofSeconds(1), config.interval(), engine::reconcile);
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
