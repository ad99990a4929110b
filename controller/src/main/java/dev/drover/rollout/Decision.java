package dev.drover.rollout;

/** What the decider wants done with a rollout in flight. */
public sealed interface Decision {

    /**
     * Nothing to change but the note: still baking, collecting evidence, or held by a lock.
     *
     * @param held a stage that passed is held back (by a lock, or for manual approval): people are told once
     */
    record Hold(String note, boolean held) implements Decision {
        public Hold(String note) {
            this(note, false);
        }
    }

    /** The stage reached its deadline without enough evidence: stop promoting and tell people. */
    record Pause(String note) implements Decision {
    }

    /** The stage passed ({@code override}: a person promoted it past the judge); the next starts, or the rollout succeeds. */
    record Pass(boolean override, String note) implements Decision {
    }

    /** A gate failed on a tier: every tier the candidate touched goes back at once. */
    record RollBack(String sentence) implements Decision {
    }
}
