/**
 * Spec: a worker repository's {@code drover.yaml} as typed, validated values ({@link dev.drover.spec.ServiceSpec}
 * and the records it is made of: build, test, job, tiers, stages, gates, canary load), plus the
 * {@link dev.drover.spec.SpecError}s an invalid file is rejected with (file, line, column, what is wrong).
 *
 * <p>Plain Java: records, a sealed {@link dev.drover.spec.Gate} family, sizes and durations. Never Micronaut,
 * jOOQ, HTTP or YAML types. Reading the file lives in {@code dev.drover.spec.yaml}, the only place that
 * imports SnakeYAML; it checks everything once, so a {@code ServiceSpec} in hand is always valid.
 * The keys, defaults and rules are documented in {@code docs/drover-yaml.md}.
 */
package dev.drover.spec;
