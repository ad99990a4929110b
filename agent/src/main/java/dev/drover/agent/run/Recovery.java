package dev.drover.agent.run;

import dev.drover.agent.protocol.AttemptResult;
import java.util.List;
import java.util.function.LongPredicate;

/** What an agent finds of its own earlier containers when it starts again. */
public interface Recovery {

    /**
     * Ends and removes every container this agent left behind, and says how each attempt ended, except those
     * {@code alreadyReported} (their result is in the spool already).
     */
    List<AttemptResult> recover(LongPredicate alreadyReported);
}
