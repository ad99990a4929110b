package dev.drover.server;

import dev.drover.job.JobStore;
import dev.drover.job.LeaseReaper;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reaper (every 2 s: attempts of silent agents, once they have had a lease to check in with this leader)
 * and retention (hourly: old finished jobs). Only the leading controller runs them.
 */
@Singleton
public class JobLoops {
    private static final Logger LOG = LoggerFactory.getLogger(JobLoops.class);

    private final LeaseReaper reaper;
    private final JobStore jobs;
    private final JobsConfig config;
    private final Clock clock;
    private final Ticker ticker;

    public JobLoops(LeaseReaper reaper, JobStore jobs, JobsConfig config, Clock clock, Leadership leadership) {
        this.ticker = new Ticker("drover-jobs", leadership::leads);
        this.reaper = reaper;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ticker.every("reap", Duration.ofSeconds(2), Duration.ofSeconds(2), reaper::reap);
        ticker.every("retention", Duration.ofMinutes(1), Duration.ofHours(1), this::expire);
    }

    /** One retention pass: deletes the jobs finished more than the retention ago, by the controller's clock. */
    void expire() {
        int deleted = jobs.deleteFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.info("retention: deleted {} jobs finished more than {} ago", deleted, config.retention());
        }
    }

    @PreDestroy
    void stop() {
        ticker.stop();
    }
}
