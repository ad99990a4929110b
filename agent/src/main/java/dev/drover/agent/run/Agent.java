package dev.drover.agent.run;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.protocol.Registered;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A registered agent's life: deliver what the spool holds, heartbeat, watch for spot notices, end what the last
 * run left behind, then take and run work until stopped; then let running attempts finish for a grace period,
 * stop the rest and report them.
 */
public final class Agent {
    /**
     * @param spotNotice the spot interruption notice URL; null: not watched
     */
    public record Settings(int slots, Duration shutdownGrace, URI spotNotice, Duration spotPollInterval) {
    }

    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private final Registered terms;
    private final Recovery recovery;
    private final ResultSpool spool;
    private final Console console;
    private final Settings settings;
    private final Gate gate;
    private final ResultSender sender;
    private final Attempts attempts;
    private final Heartbeats heartbeats;
    private final WorkLoop work;
    /** Whether what runs and what waits in the spool is all this agent holds (after it took stock at its start). */
    private volatile boolean accounted;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(3, task -> {
        Thread thread = new Thread(task, "agent-timer");
        thread.setDaemon(true);
        return thread;
    });

    public Agent(ControllerClient client, Registered terms, ContainerRunner runner, Recovery recovery, ResultSpool spool,
                 Gate gate, Console console, Clock clock, Settings settings) {
        this.terms = terms;
        this.recovery = recovery;
        this.spool = spool;
        this.console = console;
        this.settings = settings;
        this.gate = gate;
        this.sender = new ResultSender(spool, client, console);
        this.attempts = new Attempts(settings.slots(), runner, this::finished, gate, clock);
        Lease lease = new Lease(clock, Duration.ofSeconds(Math.max(1, terms.leaseSeconds())));
        this.heartbeats = new Heartbeats(client, attempts, this::unreported, gate, lease, console);
        this.work = new WorkLoop(client, attempts, gate, console, Duration.ofSeconds(Math.max(1, terms.pollSeconds())));
    }

    /** Runs until {@link #stop()} and the shutdown that follows are done. */
    public void run() throws InterruptedException {
        sender.start();
        timers.scheduleWithFixedDelay(guarded(heartbeats::beat), 0, Math.max(1, terms.heartbeatSeconds()), TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(guarded(heartbeats::checkLease), 1, 1, TimeUnit.SECONDS);
        if (settings.spotNotice() != null) {
            SpotWatcher spot = new SpotWatcher(settings.spotNotice(), console, this::spotNotice);
            timers.scheduleWithFixedDelay(guarded(spot::check), 0, settings.spotPollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            recover();
            work.run();
            shutdown();
        } finally {
            timers.shutdownNow();
        }
    }

    /** Asks the agent to stop (SIGTERM, SIGINT); asked again, it stops running attempts without waiting. */
    public void stop() {
        if (gate.stopping()) {
            int stopped = attempts.stopAll(new StopRequest.Reason(Outcome.AGENT_LOST,
                    "the agent was stopped before the attempt finished", STOP_GRACE));
            console.info("asked again to stop: stopping " + stopped + " running attempt(s) now");
        }
        gate.stop();
    }

    /** A timer task that survives its own failures: a scheduled task that throws is never run again. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                console.warn("unexpected failure, will try again: " + e);
            }
        };
    }

    /** The results waiting in the spool; null until the agent has taken stock after its start, or the spool is unreadable. */
    private List<Long> unreported() {
        if (!accounted) {
            return null;
        }
        try {
            return spool.pending();
        } catch (IOException e) {
            return null;
        }
    }

    private void recover() throws InterruptedException {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        while (!gate.stopping()) {
            try {
                List<AttemptResult> found = recovery.recover(spool::holds);
                found.forEach(this::finished);
                if (!found.isEmpty()) {
                    console.info("recovered " + found.size() + " attempt(s) left from before this start");
                }
                accounted = true;
                return;
            } catch (RuntimeException e) {
                Duration wait = backoff.next();
                console.warn("cannot take stock of this agent's containers (" + e.getMessage() + "); retrying in "
                        + wait.toSeconds() + "s");
                gate.await(wait);
            }
        }
    }

    private void spotNotice(String notice) {
        gate.spotNoticeSeen();
        String text = notice.length() > 200 ? notice.substring(0, 200) + "..." : notice;
        int stopped = attempts.stopAll(new StopRequest.Reason(Outcome.SPOT_INTERRUPTION,
                "spot interruption notice: " + text, STOP_GRACE));
        console.warn("spot interruption notice (" + text + "): taking no more work; stopping " + stopped + " attempt(s)");
    }

    private void finished(AttemptResult result) {
        try {
            spool.write(result);
        } catch (IOException e) {
            console.error("cannot keep the result of attempt " + result.attemptId() + " in " + spool.dir() + ": " + e);
        }
        console.info(ResultText.describe(result));
        sender.wake();
    }

    private void shutdown() throws InterruptedException {
        int running = attempts.running().size();
        console.info("stopping: taking no new work" + (running == 0 ? "" : "; waiting up to "
                + settings.shutdownGrace().toSeconds() + "s for " + running + " running attempt(s)"));
        long graceEnds = System.nanoTime() + settings.shutdownGrace().toNanos();
        work.settle(settings.shutdownGrace()); // work that was on its way is reported, not lost
        if (!attempts.awaitIdle(Duration.ofNanos(Math.max(0, graceEnds - System.nanoTime())))) {
            int stopped = attempts.stopAll(new StopRequest.Reason(Outcome.AGENT_LOST,
                    "the agent was stopped before the attempt finished", STOP_GRACE));
            console.info("stopping " + stopped + " attempt(s) that did not finish within the grace period");
            attempts.awaitIdle(STOP_GRACE.plus(Duration.ofSeconds(50)));
        }
        boolean delivered = sender.flush(Duration.ofSeconds(10));
        console.info(delivered ? "stopped" : "stopped; undelivered results wait in " + spool.dir() + " for the next start");
    }
}
