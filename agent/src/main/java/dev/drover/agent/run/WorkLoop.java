package dev.drover.agent.run;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.link.Reply;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.protocol.Work;
import dev.drover.agent.protocol.WorkRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks for work (a long poll) whenever a slot is free and the {@link Gate} is open, and starts what comes.
 * Work that arrives when it can no longer start (stopping, spot notice, lease lost) is reported at once
 * rather than dropped: the controller gave it to this agent, so this agent says how it ended.
 */
final class WorkLoop {
    private final ControllerClient client;
    private final Attempts attempts;
    private final Gate gate;
    private final Console console;
    private final Duration poll;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private String lastTrouble;
    private CompletableFuture<Void> late = CompletableFuture.completedFuture(null);

    WorkLoop(ControllerClient client, Attempts attempts, Gate gate, Console console, Duration poll) {
        this.client = client;
        this.attempts = attempts;
        this.gate = gate;
        this.console = console;
        this.poll = poll;
    }

    /** Runs until the agent is stopping. */
    void run() throws InterruptedException {
        while (!gate.stopping()) {
            int free = attempts.free();
            if (gate.closedBecause().isPresent() || free <= 0) {
                gate.await(Duration.ofSeconds(1));
                continue;
            }
            CompletableFuture<Reply<Work>> asked = client.work(new WorkRequest(free), poll);
            Reply<Work> reply = await(asked);
            if (reply == null) {
                late = asked.thenAccept(answer -> take(answer, free)); // stopping: what still comes is reported, not run
                return;
            }
            if (reply.ok()) {
                backoff.reset();
                lastTrouble = null;
                take(reply, free);
            } else {
                trouble("asking for work failed: " + (reply.status() == 0 ? reply.text()
                        : "the controller answered " + reply.describe()));
            }
        }
    }

    /** Waits up to {@code max} for a request for work that was under way when the agent began to stop. */
    void settle(Duration max) throws InterruptedException {
        try {
            late.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // it failed (nothing was given) or is still held by the controller: its lease logic takes over
        }
    }

    /** The answer; status 0 with the reason when the controller could not be asked; null when the agent is stopping. */
    private Reply<Work> await(CompletableFuture<Reply<Work>> asked) throws InterruptedException {
        while (true) {
            try {
                return asked.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (gate.stopping()) {
                    return null;
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return new Reply<>(0, null, cause.getMessage() == null ? cause.toString() : cause.getMessage());
            }
        }
    }

    private void take(Reply<Work> reply, int free) {
        List<Assignment> given = reply.body() == null || reply.body().assignments() == null ? List.of() : reply.body().assignments();
        for (Assignment assignment : given) {
            if (gate.stopping() || gate.spotNotice() || gate.leaseLost()) { // draining alone still runs what was given
                Outcome outcome = gate.spotNotice() ? Outcome.SPOT_INTERRUPTION : Outcome.AGENT_LOST;
                attempts.refuse(assignment, outcome, "not started: " + gate.closedBecause().orElse("the agent could not"));
            } else if (attempts.free() <= 0) {
                attempts.refuse(assignment, Outcome.INFRA, "not started: the agent had no free slot (it asked for " + free + ")");
            } else if (attempts.start(assignment)) {
                console.info("attempt " + assignment.attemptId() + " started: job " + assignment.jobId() + " ("
                        + assignment.service() + "/" + assignment.tier() + ", revision " + assignment.revision() + ", "
                        + assignment.arm() + "), image " + assignment.image());
            } else {
                console.warn("attempt " + assignment.attemptId() + " was given again while it runs here; ignored");
            }
        }
    }

    private void trouble(String what) throws InterruptedException {
        if (!what.equals(lastTrouble)) {
            console.warn(what);
        }
        lastTrouble = what;
        gate.await(backoff.next());
    }
}
