package dev.drover.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as {@code drover.yaml} writes them: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile(
            "(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");
    private static final Duration[] UNITS = {
        Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1)
    };
    private static final String[] SUFFIXES = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /** Units from largest to smallest, each at most once; empty when the text is not a duration. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = TEXT.matcher(trimmed);
        if (trimmed.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        for (int i = 0; i < UNITS.length; i++) {
            if (m.group(i + 1) != null) {
                total = total.plus(UNITS[i].multipliedBy(Long.parseLong(m.group(i + 1))));
            }
        }
        return Optional.of(total);
    }

    /** The shortest form {@link #parse} reads back: {@code 1h30m}, {@code 10m}, {@code 0s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        for (int i = 0; i < UNITS.length; i++) {
            long n = rest.dividedBy(UNITS[i]);
            if (n > 0) {
                text.append(n).append(SUFFIXES[i]);
                rest = rest.minus(UNITS[i].multipliedBy(n));
            }
        }
        return text.toString();
    }
}
