package dev.drover.judge;

import java.util.List;
import java.util.Optional;

/** Every gate's verdict on one tier. Tiers are judged one by one, never pooled. */
public record TierVerdict(String tier, List<GateVerdict> gates) {

    public TierVerdict {
        gates = List.copyOf(gates);
    }

    /** Fail if any gate fails; pass only if every gate passes; no-data before pending. */
    public VerdictState state() {
        if (gates.stream().anyMatch(g -> g.state() == VerdictState.FAIL)) {
            return VerdictState.FAIL;
        }
        if (gates.stream().allMatch(g -> g.state() == VerdictState.PASS)) {
            return VerdictState.PASS;
        }
        if (gates.stream().anyMatch(g -> g.state() == VerdictState.NO_DATA)) {
            return VerdictState.NO_DATA;
        }
        return VerdictState.PENDING;
    }

    public Optional<GateVerdict> firstFailing() {
        return gates.stream().filter(g -> g.state() == VerdictState.FAIL).findFirst();
    }

    /** The first gate that is not passing, to say what the tier waits for. */
    public Optional<GateVerdict> firstOpen() {
        return gates.stream().filter(g -> g.state() != VerdictState.PASS).findFirst();
    }
}
