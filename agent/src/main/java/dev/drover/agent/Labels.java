package dev.drover.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an agent says about its host, matched against targets: {@code capacity=spot,instance=m5.large,...}.
 * {@code capacity}, when given, is {@code spot} or {@code on-demand}.
 */
public record Labels(Map<String, String> values) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]{0,62}");

    public Labels {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Labels parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Labels(values);
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!KEY.matcher(key).matches() || value.isEmpty()) {
                throw new IllegalArgumentException("label '" + pair.trim()
                        + "' is not key=value with a lower-case key (e.g. capacity=spot,instance=m5.large)");
            }
            if (values.put(key, value) != null) {
                throw new IllegalArgumentException("label '" + key + "' is given twice");
            }
        }
        String capacity = values.get("capacity");
        if (capacity != null && !capacity.equals("spot") && !capacity.equals("on-demand")) {
            throw new IllegalArgumentException("label capacity=" + capacity + " must be spot or on-demand");
        }
        return new Labels(values);
    }
}
