/**
 * The agent at work, independent of the container engine: registration, the work loop (long poll), heartbeats
 * and lease fencing, spot notices, drain and cancel, the result spool and its delivery, shutdown. Containers are
 * reached only through {@link dev.drover.agent.run.ContainerRunner} and {@link dev.drover.agent.run.Recovery}.
 * Imports {@code agent.protocol} and {@code agent.link}; never Docker.
 */
package dev.drover.agent.run;
