package dev.drover.judge;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The few numbers the judges share: critical values, and numbers written for people. */
final class Numbers {
    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Numbers() {
    }

    /** The one-sided critical z for {@code alpha}. */
    static double criticalZ(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha);
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String ratio(double value) {
        return fixed(value, value >= 10 ? 0 : value >= 1.95 ? 1 : 2) + "x";
    }

    static String percent(double rate) {
        return fixed(rate * 100, rate < 0.1 ? 1 : 0) + "%";
    }
}
