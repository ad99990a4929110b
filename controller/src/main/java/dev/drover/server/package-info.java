/**
 * The controller process: configuration records, the wiring of domain objects to adapters
 * (Micronaut factories), start-up tasks and the database health check.
 *
 * <p>The only package besides {@code api} that may import Micronaut; it constructs the domain's
 * objects and hands them their stores and clock.
 */
package dev.drover.server;
