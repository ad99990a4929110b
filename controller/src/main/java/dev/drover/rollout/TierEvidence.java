package dev.drover.rollout;

import dev.drover.judge.ArmEvidence;
import java.util.Optional;

/** One tier's evidence in the current stage: the candidate's arm, and the baseline's (none in a bootstrap). */
public record TierEvidence(ArmEvidence candidate, Optional<ArmEvidence> baseline) {
}
