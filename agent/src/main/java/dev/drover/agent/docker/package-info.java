/**
 * The Docker engine adapter of the agent (docker-java): runs attempts as containers with their limits, measures
 * them, judges how they ended, and recovers this agent's containers after a restart. Imports {@code agent.run}
 * (the interfaces it implements), {@code agent.measure} and {@code agent.protocol}.
 */
package dev.drover.agent.docker;
