package dev.drover.agent.run;

import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.Assignment;

/** Runs one attempt to its end on this host and measures it. Implemented on the Docker engine. */
public interface ContainerRunner {

    /**
     * Runs the attempt and blocks until it ended, whatever the way. Never throws for the attempt's own failures:
     * they are the result's outcome ({@code infra} for the engine's). Honours {@code stop} at any point.
     */
    AttemptResult run(Assignment assignment, StopRequest stop);
}
