package dev.drover.api;

import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Gpu;
import dev.drover.agent.protocol.Heartbeat;
import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.protocol.Registration;
import dev.drover.agent.protocol.WorkRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The limits on what agents send. The protocol's records are plain (the agent module has no validation), so
 * they are checked by hand here, with the same answers as the constraints: the field, the limit, never the value.
 */
final class AgentInput {
    /** An agent's labels, and its GPUs' models, each written as JSON (agent.labels, agent.gpus). */
    static final int JSON = 4000;
    /** The most attempts one agent runs at once: its most slots (see {@link dev.drover.fleet.Fleet}). */
    static final int SLOTS = 1024;
    /** Results an agent may hold in its spool and list in one heartbeat (a long outage of a busy agent). */
    static final int UNREPORTED = 100_000;
    /** agent.agent_version. */
    static final int VERSION = 100;
    /** An attempt's detail is kept to 2000 characters (attempt.detail); an agent's is refused only past this. */
    static final int DETAIL = 8000;
    private static final String OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::wireName)
            .collect(Collectors.joining(", "));

    private AgentInput() {
    }

    static void check(Registration r) {
        Input.oneLineEntries("labels", r.labels());
        Input.json("labels", r.labels(), JSON);
        if (r.gpus() != null) {
            if (r.gpus().stream().anyMatch(g -> g == null || g.model() == null)) {
                throw Input.refusal("gpus", "each needs a model");
            }
            for (Gpu gpu : r.gpus()) {
                Input.oneLine("gpus", gpu.model(), JSON);
            }
            Input.json("gpus", r.gpus().stream().map(Gpu::model).toList(), JSON);
        }
        Input.oneLine("version", r.version(), VERSION);
    }

    static void check(Heartbeat beat) {
        List<Long> running = beat.running();
        if (running != null && running.size() > SLOTS) {
            throw Input.refusal("running", "at most " + SLOTS + " attempts");
        }
        if (running != null && running.stream().anyMatch(Objects::isNull)) {
            throw Input.refusal("running", "attempt ids, not null");
        }
        List<Long> unreported = beat.unreported();
        if (unreported != null && unreported.size() > UNREPORTED) {
            throw Input.refusal("unreported", "at most " + UNREPORTED + " attempts");
        }
        if (unreported != null && unreported.stream().anyMatch(Objects::isNull)) {
            throw Input.refusal("unreported", "attempt ids, not null");
        }
    }

    static void check(WorkRequest request) {
        if (request.freeSlots() < 0 || request.freeSlots() > SLOTS) {
            throw Input.refusal("freeSlots", "between 0 and " + SLOTS);
        }
    }

    static void check(AttemptResult result) {
        if (result.outcome() == null || !known(result.outcome())) {
            throw Input.refusal("outcome", "one of " + OUTCOMES);
        }
        // An engine's words may hold any character; only NUL cannot be stored (PostgreSQL refuses it in text).
        if (result.detail() != null && result.detail().length() > DETAIL) {
            throw Input.refusal("detail", "at most " + DETAIL + " characters");
        }
        if (result.detail() != null && result.detail().indexOf('\0') >= 0) {
            throw Input.refusal("detail", "no NUL characters");
        }
    }

    private static boolean known(String outcome) {
        try {
            Outcome.parse(outcome);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
