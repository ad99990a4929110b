package dev.drover.agent.run;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The attempts running on this agent, one thread each, at most {@code slots} at once. Each ends in exactly one
 * result handed to {@code finished} (which spools it) before its slot is freed.
 */
public final class Attempts {
    private final int slots;
    private final ContainerRunner runner;
    private final Consumer<AttemptResult> finished;
    private final Gate gate;
    private final Clock clock;
    private final Map<Long, StopRequest> running = new LinkedHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "attempt-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public Attempts(int slots, ContainerRunner runner, Consumer<AttemptResult> finished, Gate gate, Clock clock) {
        this.slots = slots;
        this.runner = runner;
        this.finished = finished;
        this.gate = gate;
        this.clock = clock;
    }

    public synchronized int free() {
        return slots - running.size();
    }

    public synchronized List<Long> running() {
        return List.copyOf(running.keySet());
    }

    /** Starts the attempt on its own thread; false (and nothing runs) when it already runs here. */
    public boolean start(Assignment assignment) {
        StopRequest stop = new StopRequest();
        synchronized (this) {
            if (running.putIfAbsent(assignment.attemptId(), stop) != null) {
                return false;
            }
        }
        threads.execute(() -> runToEnd(assignment, stop));
        return true;
    }

    /** Reports an attempt that arrived when it could no longer be started, without running it. */
    public void refuse(Assignment assignment, Outcome outcome, String detail) {
        Instant now = clock.instant();
        finished.accept(new AttemptResult(assignment.attemptId(), outcome.wireName(), null, now, now,
                null, null, null, null, null, detail, ""));
    }

    /** Asks one running attempt to stop; false when it is not running here (any more). */
    public boolean stop(long attemptId, StopRequest.Reason reason) {
        StopRequest stop;
        synchronized (this) {
            stop = running.get(attemptId);
        }
        return stop != null && stop.request(reason);
    }

    /** Asks every running attempt to stop; returns how many were asked. */
    public int stopAll(StopRequest.Reason reason) {
        int asked = 0;
        for (long attemptId : running()) {
            asked += stop(attemptId, reason) ? 1 : 0;
        }
        return asked;
    }

    /** Waits up to {@code max} until nothing runs; true when nothing does. */
    public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!running.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void runToEnd(Assignment assignment, StopRequest stop) {
        Instant started = clock.instant();
        try {
            AttemptResult result;
            try {
                result = runner.run(assignment, stop);
            } catch (RuntimeException e) {
                result = new AttemptResult(assignment.attemptId(), Outcome.INFRA.wireName(), null, started, clock.instant(),
                        null, null, null, null, null, "the agent failed to run it: " + e, "");
            }
            finished.accept(result);
        } finally {
            synchronized (this) {
                running.remove(assignment.attemptId());
                notifyAll();
            }
            gate.poke();
        }
    }
}
