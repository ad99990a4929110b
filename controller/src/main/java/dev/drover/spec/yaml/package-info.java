/**
 * Reading {@code drover.yaml}: SnakeYAML's node API (every node knows its line and column) turned into
 * {@code dev.drover.spec} records, strictly. Every error is collected, not just the first, each with the
 * file, 1-based line and column, and what was expected; then {@link dev.drover.spec.yaml.DroverYaml#parse}
 * throws them together.
 *
 * <p>The only package that imports SnakeYAML. Small parts: {@code YamlMap}/{@code YamlValues} read typed values
 * and record errors, one reader per section ({@code JobReader}, {@code TierReader}, {@code StageReader},
 * {@code GatesReader}), and the cross-checks ({@code LadderCheck}, {@code TargetCheck}).
 */
package dev.drover.spec.yaml;
