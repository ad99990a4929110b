package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints answers: JSON for scripts, aligned tables for people. */
public final class Output {
    public enum Format { table, json }

    private Output() {
    }

    public static void json(PrintWriter out, JsonNode node) {
        out.println(ApiClient.pretty(node));
    }

    /** A table with a header row; columns are as wide as their widest cell, the last one is left ragged. */
    public static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(i == row.size() - 1 ? cell : pad(cell, widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Label/value lines, labels aligned. */
    public static void fields(PrintWriter out, List<String[]> pairs) {
        int width = pairs.stream().mapToInt(p -> p[0].length()).max().orElse(0) + 2;
        for (String[] pair : pairs) {
            out.println(pad(pair[0], width) + pair[1]);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    /** The first 10 characters of a commit id. */
    static String shortSha(String sha) {
        return sha == null || sha.length() <= 10 ? String.valueOf(sha) : sha.substring(0, 10);
    }

    /** How long ago an ISO-8601 instant was, roughly: {@code 42s}, {@code 5m}, {@code 3h}, {@code 2d}. */
    static String age(String instant) {
        try {
            long seconds = java.time.Duration.between(java.time.Instant.parse(instant), java.time.Instant.now()).getSeconds();
            if (seconds < 90) {
                return Math.max(0, seconds) + "s";
            }
            if (seconds < 90 * 60) {
                return seconds / 60 + "m";
            }
            return seconds < 36 * 3600 ? seconds / 3600 + "h" : seconds / 86400 + "d";
        } catch (java.time.format.DateTimeParseException e) {
            return "-";
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
