/**
 * The command line: {@code drover server}, {@code drover agent} and the operator commands, which
 * talk to a controller over HTTP ({@code --server}/{@code DROVER_URL}, {@code --token}/{@code DROVER_TOKEN}).
 *
 * <p>Operator commands never start Micronaut: they are plain picocli + {@code java.net.http} + Jackson,
 * so they answer fast. Exit codes: 0 ok, 1 failure, 2 bad usage, 3 refused.
 */
package dev.drover.cli;
