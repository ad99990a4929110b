package dev.drover.spec.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the closest candidate within an edit distance of 2, ignoring case. */
final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> !c.equals(word))
                .map(c -> new Scored(c, distance(lower, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= MAX_DISTANCE && s.distance() < s.candidate().length())
                .min(Comparator.comparingInt(Scored::distance))
                .map(Scored::candidate);
    }

    /** {@code "did you mean 'tiers'? "}, or nothing. */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'? ").orElse("");
    }

    private record Scored(String candidate, int distance) {
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
