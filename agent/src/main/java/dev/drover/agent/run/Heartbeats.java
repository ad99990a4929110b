package dev.drover.agent.run;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.link.Reply;
import dev.drover.agent.protocol.Heartbeat;
import dev.drover.agent.protocol.HeartbeatAnswer;
import dev.drover.agent.protocol.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's side of its lease: each heartbeat tells the controller what runs and, when answered, renews the
 * lease and applies the answer (drain, cancel). When the lease runs out every running attempt is stopped and
 * reported {@code agent-lost}, and no work is taken until a heartbeat is answered again (lease fencing).
 */
public final class Heartbeats {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

    private final ControllerClient client;
    private final Attempts attempts;
    private final Gate gate;
    private final Lease lease;
    private final Console console;
    private final Supplier<List<Long>> unreported;
    private String failing;

    /** @param unreported the attempts whose results wait in the spool; null while the agent cannot say (see Heartbeat) */
    public Heartbeats(ControllerClient client, Attempts attempts, Supplier<List<Long>> unreported, Gate gate, Lease lease,
                      Console console) {
        this.client = client;
        this.attempts = attempts;
        this.unreported = unreported;
        this.gate = gate;
        this.lease = lease;
        this.console = console;
    }

    /** One heartbeat. Failures only leave the lease unrenewed; the first of a run of them is printed. */
    public void beat() {
        Reply<HeartbeatAnswer> reply;
        try {
            // running first: an attempt that ends meanwhile is spooled before it stops running, so it is in one of them
            List<Long> running = attempts.running();
            reply = client.heartbeat(new Heartbeat(running, unreported.get()), TIMEOUT);
        } catch (IOException e) {
            failed(e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!reply.ok()) {
            failed("the controller answered " + reply.describe());
            return;
        }
        lease.renew();
        if (failing != null) {
            console.info("heartbeat answered again");
            failing = null;
        }
        if (gate.leaseLost()) {
            gate.leaseLost(false);
            console.info("lease renewed: taking work again");
        }
        apply(reply.body() == null ? new HeartbeatAnswer(false, List.of()) : reply.body());
    }

    private void apply(HeartbeatAnswer answer) {
        if (answer.drain() != gate.draining()) {
            console.info(answer.drain() ? "draining: the controller asked this agent to take no new work"
                    : "drain lifted: taking work again");
            gate.draining(answer.drain());
        }
        for (Long attemptId : answer.cancel() == null ? List.<Long>of() : answer.cancel()) {
            if (attempts.stop(attemptId, new StopRequest.Reason(Outcome.CANCELLED, "cancelled by the controller", CANCEL_GRACE))) {
                console.info("attempt " + attemptId + ": cancelled by the controller; stopping it");
            }
        }
    }

    /** Fences the agent once its lease is lost; run often (every second): it also stops stragglers. */
    public void checkLease() {
        if (!lease.lost()) {
            return;
        }
        long seconds = lease.silence().toSeconds();
        StopRequest.Reason reason = new StopRequest.Reason(Outcome.AGENT_LOST,
                "lease lost: the controller was unreachable for " + seconds + "s", Duration.ZERO);
        int stopped = attempts.stopAll(reason);
        if (!gate.leaseLost()) {
            gate.leaseLost(true);
            console.warn("lease lost: no heartbeat answered for " + seconds + "s (lease " + lease.length().toSeconds()
                    + "s); stopped " + stopped + " attempt(s), taking no work until the controller answers");
        } else if (stopped > 0) {
            console.warn("lease still lost: stopped " + stopped + " more attempt(s)");
        }
    }

    private void failed(String why) {
        if (!why.equals(failing)) {
            console.warn("heartbeat failed: " + why + " (lease " + lease.silence().toSeconds() + "s of "
                    + lease.length().toSeconds() + "s used)");
        }
        failing = why;
    }
}
