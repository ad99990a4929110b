/**
 * The agent: {@code drover agent} takes stock of its host, registers with a controller, pulls work over HTTP (no
 * inbound port) and runs each attempt as a container with its limits, measured, until SIGTERM. This package holds
 * the command and its wiring; {@code agent.run} the engine-independent loops (work, heartbeats and lease, spot
 * notices, the result spool); {@code agent.docker} the Docker adapter; {@code agent.measure} cgroup and GPU
 * readings; {@code agent.link} the HTTP client; {@code agent.protocol} the wire records. Depends on no controller code.
 */
package dev.drover.agent;
