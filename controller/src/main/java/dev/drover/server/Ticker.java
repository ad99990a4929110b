package dev.drover.server;

import dev.drover.store.jooq.DatabaseFaults;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop of the controller: one daemon thread running tasks at fixed delays. A task that
 * throws runs again at its next turn; the loop never dies of it. Failures are logged once per change
 * (the first, then only a different one, then "works again"), so an outage is a few lines, not one a
 * second; a database failure is logged by its SQLState, never with the statement's text. A gated loop
 * runs its tasks only while its gate is open (the loops only the leading controller runs, {@link Leadership}).
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
        executor.scheduleWithFixedDelay(new Guarded(what, task), first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One task of the loop: run while the gate is open, its failures logged once per change. */
    private final class Guarded implements Runnable {
        private final String what;
        private final Runnable task;
        private String lastFailure;
        private int failures;

        Guarded(String what, Runnable task) {
            this.what = what;
            this.task = task;
        }

        @Override
        public void run() {
            try {
                if (gate.getAsBoolean()) {
                    task.run();
                    if (failures > 0) {
                        LOG.info("{} works again after {} failed run(s)", what, failures);
                        failures = 0;
                        lastFailure = null;
                    }
                }
            } catch (RuntimeException e) {
                failures++;
                Optional<String> database = DatabaseFaults.statement(e);
                String failure = database.orElse(String.valueOf(e.getMessage()));
                if (!failure.equals(lastFailure)) {
                    lastFailure = failure;
                    if (database.isPresent()) {
                        LOG.error("{} failed: {} (logged again only when it changes)", what, failure);
                    } else {
                        LOG.error("{} failed: {} (logged again only when it changes)", what, failure, e);
                    }
                }
            }
        }
    }

    void stop() {
        executor.shutdownNow();
    }
}
