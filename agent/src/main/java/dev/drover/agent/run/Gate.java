package dev.drover.agent.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether the agent may ask for work now, and if not why. Every change (and every freed slot) wakes
 * whoever waits here, so the work loop and the backoffs react at once.
 */
public final class Gate {
    private boolean stopping;
    private boolean spotNotice;
    private boolean leaseLost;
    private boolean draining;

    /** Why no work is taken now; empty when work may be taken. The first cause that applies is named. */
    public synchronized Optional<String> closedBecause() {
        if (stopping) {
            return Optional.of("the agent is stopping");
        }
        if (spotNotice) {
            return Optional.of("this spot host is being reclaimed");
        }
        if (leaseLost) {
            return Optional.of("the lease is lost until a heartbeat is answered");
        }
        return draining ? Optional.of("the controller asked this agent to drain") : Optional.empty();
    }

    public synchronized boolean stopping() {
        return stopping;
    }

    public synchronized boolean spotNotice() {
        return spotNotice;
    }

    public synchronized boolean leaseLost() {
        return leaseLost;
    }

    public synchronized boolean draining() {
        return draining;
    }

    public synchronized void stop() {
        stopping = true;
        notifyAll();
    }

    public synchronized void spotNoticeSeen() {
        spotNotice = true;
        notifyAll();
    }

    public synchronized void leaseLost(boolean lost) {
        leaseLost = lost;
        notifyAll();
    }

    public synchronized void draining(boolean drain) {
        draining = drain;
        notifyAll();
    }

    /** Wakes waiters (e.g. a slot was freed). */
    public synchronized void poke() {
        notifyAll();
    }

    /** Waits up to {@code max} for any change; returns early when the agent is stopping. */
    public synchronized void await(Duration max) throws InterruptedException {
        if (!stopping && !max.isNegative() && !max.isZero()) {
            wait(Math.max(1, max.toMillis()));
        }
    }
}
