/**
 * The agent's side of the wire: an HTTP client for the controller's {@code /api/v1/agents} endpoints and the
 * JSON settings both sides rely on. Imports only {@code agent.protocol}, the JDK's HTTP client and Jackson.
 */
package dev.drover.agent.link;
