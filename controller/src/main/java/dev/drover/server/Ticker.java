package dev.drover.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop of the controller: one daemon thread running tasks at fixed delays. A task that
 * throws is logged and runs again at its next turn; the loop never dies of it. A gated loop runs its
 * tasks only while its gate is open (the loops only the leading controller runs, {@link Leadership}).
 */
final class Ticker {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledExecutorService executor;
    private final BooleanSupplier gate;

    Ticker(String threadName) {
        this(threadName, () -> true);
    }

    Ticker(String threadName, BooleanSupplier gate) {
        this.gate = gate;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void every(String what, Duration first, Duration delay, Runnable task) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (gate.getAsBoolean()) {
                    task.run();
                }
            } catch (RuntimeException e) {
                LOG.error("{} failed: {}", what, e.getMessage(), e);
            }
        }, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        executor.shutdownNow();
    }
}
