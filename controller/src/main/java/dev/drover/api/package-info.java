/**
 * The HTTP API under {@code /api/v1}: controllers, token authentication, the audit and
 * request-id filters, and {@code application/problem+json} errors.
 *
 * <p>May import Micronaut and the domain packages; never jOOQ. Controllers stay thin: they parse,
 * call the domain, and shape the answer as records from this package.
 */
package dev.drover.api;
