package dev.drover.agent.run;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.link.Reply;
import dev.drover.agent.protocol.ResultAck;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Delivers spooled results, oldest first, until each is acknowledged; then deletes it. A 404 (the controller
 * does not know the attempt) drops it with a warning; other refusals of the result itself (4xx) set it aside;
 * a refused token (401/403), an unreachable or failing controller keep everything and retry with backoff.
 */
public final class ResultSender {
    private final Object sending = new Object();
    private volatile boolean stopRequested;
    private static final Duration IDLE = Duration.ofSeconds(60);
    private final ResultSpool spool;
    private final ControllerClient client;
    private final Console console;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private Thread thread;
    private boolean woken;
    private String lastTrouble;

    public ResultSender(ResultSpool spool, ControllerClient client, Console console) {
        this.spool = spool;
        this.client = client;
        this.console = console;
    }

    /**
     * One round over the spool; true when it is empty afterwards. Stops at the first failure not the result's own.
     * One round at a time (the sender thread and a shutdown flush both call it), so a result is not sent twice.
     */
    public boolean sendPending() throws InterruptedException {
        synchronized (sending) {
            return sendRound();
        }
    }

    private boolean sendRound() throws InterruptedException {
        try {
            for (long attemptId : spool.pending()) {
                if (!send(attemptId)) {
                    return false;
                }
            }
        } catch (IOException e) {
            trouble("cannot read the result spool " + spool.dir() + ": " + e);
            return false;
        }
        lastTrouble = null;
        return true;
    }

    private boolean send(long attemptId) throws IOException, InterruptedException {
        Reply<ResultAck> reply;
        try {
            reply = client.result(spool.read(attemptId));
        } catch (IOException e) {
            trouble("cannot deliver results: " + e.getMessage() + "; keeping them on disk and retrying");
            return false;
        }
        if (reply.ok()) {
            spool.delete(attemptId);
            String disposition = reply.body() == null ? "acknowledged" : reply.body().disposition();
            console.info("attempt " + attemptId + ": result delivered (" + disposition + ")");
            return true;
        }
        if (reply.status() == 404) {
            spool.delete(attemptId);
            console.warn("attempt " + attemptId + ": the controller does not know this attempt (" + reply.describe()
                    + "); its result is dropped");
            return true;
        }
        if (reply.refused()) {
            trouble("the controller refused this agent's token for results (" + reply.describe() + "); keeping "
                    + spool.pending().size() + " result(s) on disk in " + spool.dir());
            return false;
        }
        if (reply.retryable()) {
            trouble("the controller cannot take results now (" + reply.describe() + "); retrying");
            return false;
        }
        Path where = spool.reject(attemptId);
        console.warn("attempt " + attemptId + ": the controller rejected its result (" + reply.describe() + "); kept in " + where);
        return true;
    }

    public synchronized void start() {
        thread = new Thread(this::loop, "result-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new result is in the spool. */
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Stops the background loop, then tries for up to {@code max} to deliver what is left; true when all was. */
    public boolean flush(Duration max) throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
        }
        if (running != null) {
            // Let a send in flight finish (interrupting it after the controller took the result would send it twice).
            stopRequested = true;
            wake();
            running.join(Duration.ofSeconds(35).toMillis());
            if (running.isAlive()) {
                running.interrupt();
                running.join(Duration.ofSeconds(5).toMillis());
            }
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (!sendPending()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private void loop() {
        try {
            while (!stopRequested && !Thread.currentThread().isInterrupted()) {
                boolean empty = false;
                try {
                    empty = sendPending();
                } catch (RuntimeException e) {
                    trouble("unexpected failure delivering results, will try again: " + e);
                }
                if (empty) {
                    backoff.reset();
                }
                pause(empty ? IDLE : backoff.next(), empty);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void pause(Duration max, boolean wakeable) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!stopRequested && !(wakeable && woken) && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        woken = false;
    }

    private void trouble(String what) {
        if (!what.equals(lastTrouble)) {
            console.warn(what);
        }
        lastTrouble = what;
    }
}
