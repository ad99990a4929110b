/**
 * Access: API tokens, their roles and how a presented token becomes a caller.
 *
 * <p>Plain Java. May import {@code dev.drover.store}; never Micronaut, jOOQ or HTTP types.
 * Tokens are random secrets shown once and stored only as their SHA-256 hash.
 */
package dev.drover.access;
