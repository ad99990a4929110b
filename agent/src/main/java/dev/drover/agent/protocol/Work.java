package dev.drover.agent.protocol;

import java.util.List;

/** Attempts given to the agent; empty when the long poll ran out. */
public record Work(List<Assignment> assignments) {
}
