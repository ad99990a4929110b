package dev.drover.target;

import java.util.Locale;

/** How a target's hosts are bought. */
public enum Capacity {
    SPOT,
    ON_DEMAND;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Capacity parse(String text) {
        for (Capacity c : values()) {
            if (c.wireName().equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("capacity '" + text + "' must be spot or on-demand");
    }
}
