/**
 * The agent: registers with a controller, pulls work for its labels over HTTP and runs each job
 * as a container with its limits. Depends on no controller code; speaks only the HTTP protocol.
 */
package dev.drover.agent;
