package dev.drover.agent.protocol;

/** How many more attempts the agent can start now. */
public record WorkRequest(int freeSlots) {
}
