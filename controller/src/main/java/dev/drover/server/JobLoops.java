package dev.drover.server;

import dev.drover.job.JobStore;
import dev.drover.job.LeaseReaper;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reaper (every 2 s: attempts of silent agents) and retention (hourly: old finished jobs). */
@Singleton
public class JobLoops {
    private static final Logger LOG = LoggerFactory.getLogger(JobLoops.class);

    private final LeaseReaper reaper;
    private final JobStore jobs;
    private final JobsConfig config;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drover-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public JobLoops(LeaseReaper reaper, JobStore jobs, JobsConfig config, Clock clock) {
        this.reaper = reaper;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ticker.scheduleWithFixedDelay(() -> guard("reap", reaper::reap), 2, 2, TimeUnit.SECONDS);
        ticker.scheduleWithFixedDelay(() -> guard("retention", this::expire), 1, 60, TimeUnit.MINUTES);
    }

    private int expire() {
        int deleted = jobs.deleteFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.info("retention: deleted {} jobs finished more than {} ago", deleted, config.retention());
        }
        return deleted;
    }

    private void guard(String what, java.util.function.IntSupplier work) {
        try {
            work.getAsInt();
        } catch (RuntimeException e) {
            LOG.error("{} failed: {}", what, e.getMessage(), e);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
