package dev.drover.agent.run;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A container runner whose attempts run until they are stopped (then they end with the stop's outcome), or
 * until {@link #finishAll()} (then they succeed).
 */
public final class FakeRunner implements ContainerRunner {
    private final CountDownLatch finish = new CountDownLatch(1);

    public void finishAll() {
        finish.countDown();
    }

    @Override
    public AttemptResult run(Assignment assignment, StopRequest stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        stop.onRequest(reason -> stopped.countDown());
        Instant started = Instant.parse("2030-01-01T00:00:00Z");
        try {
            while (!finish.await(10, TimeUnit.MILLISECONDS)) {
                if (stopped.await(10, TimeUnit.MILLISECONDS)) {
                    StopRequest.Reason reason = stop.reason().orElseThrow();
                    return new AttemptResult(assignment.attemptId(), reason.outcome().wireName(), 137, started, started,
                            null, null, null, null, null, reason.detail(), "stopped\n");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new AttemptResult(assignment.attemptId(), "succeeded", 0, started, started, null, null, null, null, null, null, "ok\n");
    }
}
