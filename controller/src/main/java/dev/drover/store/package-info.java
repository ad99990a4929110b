/**
 * Storage: what the domain's stores may throw, and (in {@code jooq}) the one adapter that keeps
 * every store on H2 or PostgreSQL through a single Flyway history and generated jOOQ classes.
 *
 * <p>This package is plain Java; {@code store.jooq} may import jOOQ, Flyway and JDBC.
 */
package dev.drover.store;
