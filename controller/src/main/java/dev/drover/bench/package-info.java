/**
 * {@code drover bench canary}: a deterministic Monte-Carlo benchmark of canary-judging procedures
 * (docs/bench.md). A seeded {@link dev.drover.bench.Simulator} makes one canary's job stream, every
 * {@link dev.drover.bench.Procedure} is fed the same stream one event at a time, and the
 * {@link dev.drover.bench.BenchRunner} sums the verdicts up per scenario.
 *
 * <p>Plain Java: the JDK and commons-math3 only (no Micronaut, jOOQ or I/O beyond the scenario file and
 * the report). It may import {@code dev.drover.judge} to plug production judges in, and the gates' defaults
 * of {@code dev.drover.spec}.
 */
package dev.drover.bench;
