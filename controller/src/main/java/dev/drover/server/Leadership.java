package dev.drover.server;

import dev.drover.job.CheckIn;
import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqLeaderStore;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which controller on this database runs the loops (polling, builds, rollouts, the reaper, retention, AWS Batch,
 * notifications): the one holding the database lease ({@code leader} row, expiry on the database's clock). Every
 * controller serves the API, the dashboard, webhooks and agents. A leader stops acting on its own once its lease
 * is older than {@code lease - renew} by its own clock, before any other can take it; one that died is replaced
 * within the lease. Two processes with one leader-id are refused at start: the lease could not tell them apart.
 */
@Singleton
public class Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final JooqLeaderStore store;
    private final String leaderId;
    private final String instance = UUID.randomUUID().toString();
    private final LeaderConfig config;
    private final CheckIn checkIn;
    private final Ticker ticker = new Ticker("drover-leader");
    private volatile long leadsUntilNanos = System.nanoTime();
    private volatile boolean failing;
    private volatile boolean displaced;

    public Leadership(Database database, RolloutsConfig rollouts, LeaderConfig config, CheckIn checkIn) {
        this.store = new JooqLeaderStore(database.dsl());
        this.leaderId = RolloutsFactory.leaderId(rollouts);
        this.config = config;
        this.checkIn = checkIn;
        claim();
    }

    /** Whether this controller leads now (and may act for all of them). */
    public boolean leads() {
        return System.nanoTime() - leadsUntilNanos < 0;
    }

    public String leaderId() {
        return leaderId;
    }

    /** Who leads, by leader-id, if anyone does now. */
    public Optional<String> leader() {
        return store.leader();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        pass();
        ticker.every("leader lease", config.renew(), config.renew(), this::pass);
    }

    /** Renews (or tries to take) the lead and says this process is still here. */
    void pass() {
        boolean before = leads();
        long asked = System.nanoTime();
        try {
            Optional<Long> fence = Optional.empty();
            if (store.seen(leaderId, instance)) {
                fence = store.lead(leaderId, instance, config.lease());
            } else if (!displaced) {
                displaced = true;
                LOG.error("another controller took leader-id '{}' while this one ran: this one stops leading", leaderId);
            }
            // Leading until the lease would end, less one renewal, by this process's clock; else no longer.
            leadsUntilNanos = fence.isPresent() ? asked + config.lease().minus(config.renew()).toNanos() : asked;
            if (failing) {
                failing = false;
                LOG.info("leader lease: the database answers again");
            }
            if (fence.isPresent() && !before) {
                checkIn.open();
                LOG.info("leading as '{}' (fence {}): this controller now runs polling, builds, rollouts, the reaper "
                        + "and notifications", leaderId, fence.get());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("leader lease: cannot reach the database ({}); leading at most until the lease ends",
                        e.getClass().getSimpleName());
            }
        }
        if (before && !leads()) {
            checkIn.close();
            LOG.warn("no longer leading as '{}': the controller holding the lease runs the loops", leaderId);
        }
    }

    /**
     * Takes this controller's leader-id, refusing it when another live process uses it: a row seen within the
     * lease is watched for two renewals; a process that died (killed, crashed) is not seen again and is replaced.
     */
    private void claim() {
        Optional<JooqLeaderStore.Presence> other = store.presence(leaderId);
        if (other.isPresent() && other.get().age().compareTo(config.lease()) < 0) {
            OffsetDateTime seen = other.get().seenAt();
            try {
                Thread.sleep(config.renew().multipliedBy(2).plusMillis(500).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Optional<JooqLeaderStore.Presence> again = store.presence(leaderId);
            if (again.isPresent() && again.get().seenAt().isAfter(seen)) {
                throw new StartRefused("another controller is running with leader-id '" + leaderId + "' on this "
                        + "database (seen " + Math.max(0, again.get().age().toSeconds()) + "s ago): give each controller "
                        + "its own drover.rollouts.leader-id (env DROVER_ROLLOUTS_LEADER_ID), or stop the other one");
            }
        }
        store.claim(leaderId, instance);
    }

    @PreDestroy
    void stop() {
        ticker.stop();
        try {
            store.leave(leaderId, instance);
        } catch (RuntimeException e) {
            LOG.warn("leader lease: could not give up the lead at stop ({}); another controller takes it when it ends",
                    e.getClass().getSimpleName());
        }
    }
}
