package dev.drover.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;

/** {@link FakeAgent} for tests outside this package. */
public final class FakeAgentAccess {
    private final FakeAgent agent;

    public FakeAgentAccess(URI base, String token) {
        this.agent = new FakeAgent(base, token);
    }

    /** An agent whose clock is {@code clock}, not the controller's. */
    public FakeAgentAccess(URI base, String token, Clock clock) {
        this.agent = new FakeAgent(base, token, clock);
    }

    public void register() {
        agent.register("{}", 2, 0);
    }

    public JsonNode work(int slots) {
        return agent.work(slots);
    }

    public void result(long attemptId, String outcome, Integer exitCode) {
        agent.result(attemptId, outcome, exitCode, 1L << 20);
    }
}
