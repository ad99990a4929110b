package dev.drover.rollout;

/** A tier's new live state, written as a whole: {stable, candidate or none, split}. Stable null: none. */
public record TierChange(String tier, Integer stable, Integer candidate, double split) {

    public static TierChange stable(String tier, Integer revision) {
        return new TierChange(tier, revision, null, 0);
    }
}
