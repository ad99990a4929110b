package dev.drover.spec;

/** Opt-in synthetic load: replay the parameters of this many recent jobs on both arms. 0 means off. */
public record CanaryLoadSpec(int replayRecent) {
    public static final CanaryLoadSpec OFF = new CanaryLoadSpec(0);

    public boolean enabled() {
        return replayRecent > 0;
    }
}
