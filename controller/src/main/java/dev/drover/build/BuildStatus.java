package dev.drover.build;

import java.util.Locale;

/** Where one build is. */
public enum BuildStatus {
    BUILDING,
    TESTING,
    PUSHING,
    GREEN,
    FAILED;

    public boolean finished() {
        return this == GREEN || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BuildStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
