package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code drover jobs --summary} as text. */
final class JobSummaryPrinter {
    private JobSummaryPrinter() {
    }

    static void print(PrintWriter out, JsonNode s, int hours) {
        out.println("Attempts finished in the last " + hours + "h: " + s.path("attempts").asInt());
        List<String> outcomes = new ArrayList<>();
        s.path("byOutcome").fields().forEachRemaining(e -> outcomes.add(e.getKey() + " " + e.getValue().asInt()));
        out.println("By outcome:   " + (outcomes.isEmpty() ? "-" : String.join(", ", outcomes)));
        out.printf(Locale.ROOT, "Failure rate: code %.1f%%, infrastructure %.1f%%%n",
                100 * s.path("codeFailureRate").asDouble(), 100 * s.path("infraFailureRate").asDouble());
        JsonNode d = s.path("durationMillis");
        out.println("Duration:     p50 " + seconds(d.path("p50")) + ", p90 " + seconds(d.path("p90")) + ", p99 "
                + seconds(d.path("p99")));
        JsonNode m = s.path("memoryPeakBytes");
        out.println("Peak memory:  p50 " + mib(m.path("p50")) + ", p90 " + mib(m.path("p90")) + ", max " + mib(m.path("max")));
        out.printf(Locale.ROOT, "Cost:         %.4f%n", s.path("cost").asDouble());
        costs(out, "  by revision", s.path("costByRevision"));
        costs(out, "  by tier", s.path("costByTier"));
        costs(out, "  by day", s.path("costByDay"));
    }

    private static void costs(PrintWriter out, String label, JsonNode byKey) {
        List<String> parts = new ArrayList<>();
        byKey.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.4f", e.getValue().asDouble())));
        out.println(label + ": " + (parts.isEmpty() ? "-" : String.join(", ", parts)));
    }

    private static String seconds(JsonNode millis) {
        return millis.isNull() || millis.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.1fs", millis.asDouble() / 1000);
    }

    private static String mib(JsonNode bytes) {
        return bytes.isNull() || bytes.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.0f MiB", bytes.asDouble() / 1048576);
    }
}
