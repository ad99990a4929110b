package dev.drover.agent.protocol;

/** What the agent's host has, for pricing a job's share of it. */
public record HostCapacity(int cpus, long memoryBytes) {
}
