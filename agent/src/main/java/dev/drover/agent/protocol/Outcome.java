package dev.drover.agent.protocol;

import java.util.Locale;

/** How an attempt ended. Infrastructure outcomes are not the code's fault and are retried as such. */
public enum Outcome {
    SUCCEEDED,
    /** The process exited non-zero. */
    CODE,
    /** It ran past its timeout and was killed. */
    TIMEOUT,
    /** The engine killed it for exceeding its memory limit. */
    OOM,
    /** The host was reclaimed (EC2 spot instance-action notice). */
    SPOT_INTERRUPTION,
    /** The agent lost its lease (or died) while it ran. */
    AGENT_LOST,
    /** The engine or the image failed it before or outside the code (image missing, engine error). */
    INFRA,
    /** Its job was cancelled. */
    CANCELLED;

    public boolean infrastructure() {
        return this == SPOT_INTERRUPTION || this == AGENT_LOST || this == INFRA;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Outcome parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
