package dev.drover.agent.run;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.link.Reply;
import dev.drover.agent.protocol.Registered;
import dev.drover.agent.protocol.Registration;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Registers the agent. An unreachable or failing controller is waited for (with backoff, saying why each time);
 * a controller that answers "no" ends the agent: 404 (too old to know agents), 401/403 (token refused), other 4xx.
 */
public final class Enrolment {
    /** The controller said no; {@code exitCode} is what the agent exits with (1, or 3 for a refused token). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Refused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final ControllerClient client;
    private final Gate gate;
    private final Console console;
    private final Backoff backoff;

    public Enrolment(ControllerClient client, Gate gate, Console console, Backoff backoff) {
        this.client = client;
        this.gate = gate;
        this.console = console;
        this.backoff = backoff;
    }

    /** The controller's terms; empty when the agent was stopped before the controller answered. */
    public Optional<Registered> register(Registration registration) throws Refused, InterruptedException {
        while (!gate.stopping()) {
            String why;
            try {
                Reply<Registered> reply = client.register(registration);
                if (reply.ok() && reply.body() != null) {
                    return Optional.of(reply.body());
                }
                refuse(reply);
                why = "the controller answered " + reply.describe();
            } catch (IOException e) {
                why = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            Duration wait = backoff.next();
            console.warn("cannot register yet: " + why + "; retrying in " + wait.toSeconds() + "s");
            gate.await(wait);
        }
        return Optional.empty();
    }

    private void refuse(Reply<Registered> reply) throws Refused {
        if (reply.status() == 404) {
            throw new Refused(1, "the controller at " + client.server() + " does not offer agent registration (404 on /"
                    + ControllerClient.REGISTER_PATH + "): it is older than this agent; upgrade it");
        }
        if (reply.refused()) {
            throw new Refused(3, "the controller refused this agent's token (" + reply.describe() + ")");
        }
        if (!reply.retryable() && !reply.ok()) {
            throw new Refused(1, "registration failed (" + reply.describe() + ")");
        }
    }
}
