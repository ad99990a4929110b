package dev.drover.judge;

import java.util.Locale;

/** Where a gate stands: still collecting, passed, failed, or unable to judge (with a reason). */
public enum VerdictState {
    PENDING,
    PASS,
    FAIL,
    NO_DATA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static VerdictState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
