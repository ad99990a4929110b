/**
 * The fleet: the agents that run jobs, as the controller sees them: labels, GPUs, slots, host size,
 * and a lease each renews by heartbeat. Plain Java.
 */
package dev.drover.fleet;
