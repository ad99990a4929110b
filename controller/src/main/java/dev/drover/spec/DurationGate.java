package dev.drover.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Job duration at the given quantiles (0.95 is p95), candidate vs baseline. */
public record DurationGate(List<Double> quantiles, double tolerance, boolean enabled) implements Gate {
    public static final DurationGate DEFAULT = new DurationGate(List.of(0.5, 0.95), 1.2, true);

    public DurationGate {
        quantiles = List.copyOf(quantiles);
    }

    @Override
    public String key() {
        return "duration";
    }

    @Override
    public String describe() {
        if (!enabled) {
            return "duration: off";
        }
        String names = quantiles.stream().map(q -> "p" + Gate.number(q * 100)).collect(Collectors.joining(", "));
        return "duration: " + names + " " + Gate.atMost(tolerance);
    }
}
