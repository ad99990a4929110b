/**
 * jOOQ adapters of the domain's stores, for H2 (embedded default) and PostgreSQL alike.
 *
 * <p>Tables and columns come only from the generated {@code schema} package (generated at build
 * time from {@code db/migration}); no hand-typed names. May import jOOQ, Flyway, JDBC and the
 * domain packages; never Micronaut or HTTP types.
 */
package dev.drover.store.jooq;
