package dev.drover.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory in bytes, written with a unit: binary {@code Ki Mi Gi Ti} (1Gi = 1024Mi) or
 * decimal {@code K M G T} (1G = 1000M). A bare number is not a size: the unit is always explicit.
 */
public record Size(long bytes) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,12})(Ki|Mi|Gi|Ti|K|M|G|T)");
    private static final List<Unit> UNITS = List.of(
            new Unit("Ti", 1L << 40), new Unit("T", 1_000_000_000_000L),
            new Unit("Gi", 1L << 30), new Unit("G", 1_000_000_000L),
            new Unit("Mi", 1L << 20), new Unit("M", 1_000_000L),
            new Unit("Ki", 1L << 10), new Unit("K", 1_000L));

    private record Unit(String suffix, long bytes) {
    }

    public Size {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static Size mebibytes(long n) {
        return new Size(n << 20);
    }

    public static Size gibibytes(long n) {
        return new Size(n << 30);
    }

    /** {@code 512Mi} → 536870912 bytes; empty when the text is not a size with a unit. */
    public static Optional<Size> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = UNITS.stream().filter(u -> u.suffix().equals(m.group(2))).findFirst().orElseThrow().bytes();
        try {
            return Optional.of(new Size(Math.multiplyExact(Long.parseLong(m.group(1)), unit)));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The shortest exact way to write it, e.g. {@code 512Mi}, {@code 2Gi}, {@code 500M}; plain bytes as a last resort. */
    public String format() {
        for (Unit unit : UNITS) {
            if (bytes != 0 && bytes % unit.bytes() == 0) {
                return bytes / unit.bytes() + unit.suffix();
            }
        }
        return Long.toString(bytes);
    }

    @Override
    public String toString() {
        return format();
    }
}
