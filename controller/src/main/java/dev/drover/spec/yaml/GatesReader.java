package dev.drover.spec.yaml;

import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.FailureRateGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** {@code gates:}: every gate is on with its default; the file may change tolerances or turn some off. */
final class GatesReader {
    static final List<String> KEYS = List.of("failureRate", "duration", "memory", "costPerJob", "manualApproval");
    private static final List<String> TOLERANCE_AND_ENABLED = List.of("tolerance", "enabled");
    private static final String FLOOR =
            "a rate from 0 to below 1 (the absolute slack on top of the tolerance a stage's pass allows: 0.05 is 5 points)";
    private static final String TOLERANCE =
            "a number >= 1 (the ratio to the baseline the candidate may reach: 1.2 is 20% worse)";

    private GatesReader() {
    }

    static GatesSpec read(YamlMap top, Errors errors) {
        Optional<YamlMap> found = top.map("gates", KEYS);
        if (found.isEmpty()) {
            return GatesSpec.DEFAULT;
        }
        YamlMap gates = found.get();
        return new GatesSpec(
                gates.map("failureRate", List.of("tolerance", "floor"), " (the failure-rate gate is always on)")
                        .map(g -> new FailureRateGate(tolerance(g, FailureRateGate.DEFAULT.tolerance()),
                                g.number("floor", FailureRateGate.DEFAULT_FLOOR, f -> f >= 0 && f < 1, FLOOR)))
                        .orElse(FailureRateGate.DEFAULT),
                gates.map("duration", List.of("quantiles", "tolerance", "enabled"))
                        .map(g -> new DurationGate(quantiles(g, errors), tolerance(g, DurationGate.DEFAULT.tolerance()),
                                g.bool("enabled", true)))
                        .orElse(DurationGate.DEFAULT),
                gates.map("memory", TOLERANCE_AND_ENABLED)
                        .map(g -> new MemoryGate(tolerance(g, MemoryGate.DEFAULT.tolerance()), g.bool("enabled", true)))
                        .orElse(MemoryGate.DEFAULT),
                gates.map("costPerJob", TOLERANCE_AND_ENABLED)
                        .map(g -> new CostPerJobGate(tolerance(g, CostPerJobGate.DEFAULT.tolerance()),
                                g.bool("enabled", true)))
                        .orElse(CostPerJobGate.DEFAULT),
                new ManualApprovalGate(gates.bool("manualApproval", ManualApprovalGate.DEFAULT.enabled())));
    }

    private static double tolerance(YamlMap gate, double otherwise) {
        return gate.number("tolerance", otherwise, t -> t >= 1, TOLERANCE);
    }

    private static List<Double> quantiles(YamlMap gate, Errors errors) {
        if (gate.node("quantiles").isEmpty()) {
            return DurationGate.DEFAULT.quantiles();
        }
        String path = gate.path("quantiles");
        List<Node> items = gate.list("quantiles", "a list of quantiles, like [0.5, 0.95]");
        gate.node("quantiles").filter(YamlValues::isEmptyList)
                .ifPresent(n -> errors.at(n, path + ": expected at least one quantile, like [0.5, 0.95]"));
        List<Double> quantiles = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlValues.number(item, path + "[" + (i + 1) + "]", errors).ifPresent(q -> {
                if (q > 0 && q < 1) {
                    quantiles.add(q);
                } else {
                    errors.at(item, path + ": expected quantiles between 0 and 1 (0.95 is p95), got " + YamlValues.describe(item));
                }
            });
        }
        return quantiles;
    }
}
