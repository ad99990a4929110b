package dev.drover.bench;

/** What a procedure says after an event: keep watching, roll the candidate back (on a gate), or promote it. */
public sealed interface Decision {
    Decision CONTINUE = new Continue();
    Decision PROMOTE = new Promote();

    static Decision rollback(String gate) {
        return new Rollback(gate);
    }

    default boolean decided() {
        return !(this instanceof Continue);
    }

    record Continue() implements Decision {
    }

    record Promote() implements Decision {
    }

    /** @param gate the gate that failed: {@code failureRate}, {@code duration}, ... */
    record Rollback(String gate) implements Decision {
    }
}
