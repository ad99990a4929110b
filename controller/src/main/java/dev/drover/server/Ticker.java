package dev.drover.server;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
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
        String[] lastFailure = {null};
        int[] failures = {0};
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (gate.getAsBoolean()) {
                    task.run();
                    if (failures[0] > 0) {
                        LOG.info("{} works again after {} failed run(s)", what, failures[0]);
                        failures[0] = 0;
                        lastFailure[0] = null;
                    }
                }
            } catch (RuntimeException e) {
                failures[0]++;
                Optional<String> database = database(e);
                String failure = database.orElse(String.valueOf(e.getMessage()));
                if (!failure.equals(lastFailure[0])) {
                    lastFailure[0] = failure;
                    if (database.isPresent()) {
                        LOG.error("{} failed: {} (logged again only when it changes)", what, failure);
                    } else {
                        LOG.error("{} failed: {} (logged again only when it changes)", what, failure, e);
                    }
                }
            }
        }, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failure of the database in words without the statement: its SQLState, or its kind. */
    private static Optional<String> database(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of("a database call failed (SQLState " + sql.getSQLState() + ", "
                        + sql.getClass().getSimpleName() + ")");
            }
        }
        return e instanceof DataAccessException ? Optional.of("a database call failed") : Optional.empty();
    }

    void stop() {
        executor.shutdownNow();
    }
}
