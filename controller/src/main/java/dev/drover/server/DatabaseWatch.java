package dev.drover.server;

import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.DatabaseFaults;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be used, said once per change: "database unavailable: disk full at ..." when it
 * goes, "database back after 42s" when it returns (it pings every 2 s; the pool reconnects by itself, an H2
 * database closed by a full disk is opened again). Requests meanwhile answer 503 with the same words, and
 * the loops stay quiet about it.
 */
@Singleton
public class DatabaseWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);

    private final Database database;
    private final DatabaseFaults faults;
    private final Ticker ticker = new Ticker("drover-database-watch");
    private volatile String down;
    private volatile Instant since;

    public DatabaseWatch(Database database, DatabaseFaults faults) {
        this.database = database;
        this.faults = faults;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ticker.every("database ping", Duration.ofSeconds(2), Duration.ofSeconds(2), this::ping);
    }

    /** One round trip; its result is the state. */
    public void ping() {
        try {
            database.ping();
            up();
        } catch (RuntimeException e) {
            if (!failed(e)) {
                markDown(faults.describe(e));
            }
        }
    }

    /**
     * Takes a failure seen anywhere: true when it is the database being unavailable (then it is logged here,
     * once per change, and the caller need not), false for any other failure.
     */
    public boolean failed(Throwable failure) {
        Optional<String> why = faults.unavailable(failure);
        if (why.isEmpty()) {
            return false;
        }
        markDown(why.get());
        return true;
    }

    private synchronized void markDown(String why) {
        if (!why.equals(down)) {
            if (down == null) {
                since = Instant.now();
            }
            down = why;
            LOG.error("database unavailable: {}; requests answer 503 until it is back", down);
        }
    }

    /** Why the database cannot be used now, or empty while it can. */
    public Optional<String> down() {
        return Optional.ofNullable(down);
    }

    /** The failure in words, never a statement's text. */
    public String describe(Throwable failure) {
        return faults.describe(failure);
    }

    private synchronized void up() {
        if (down != null) {
            LOG.info("database back after {}s (it was: {})", Duration.between(since, Instant.now()).toSeconds(), down);
            down = null;
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
