package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drover.spec.Durations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code drover status SERVICE} as lines a person reads, from {@code GET api/v1/services/{name}/status}:
 * the lock, the tiers, the rollout, its stage's progress and each tier's latest verdict.
 */
final class ServiceStatusText {
    private ServiceStatusText() {
    }

    /**
     * The block. {@code clock}: with the stage's elapsed bake and the time to its deadline; without them,
     * the lines change only when the controller's state does (what {@code --watch} prints when not on a terminal).
     */
    static List<String> lines(JsonNode s, boolean verbose, boolean clock) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Service", Output.text(s, "service")});
        String fetchError = s.path("mirror").path("lastError").asText("");
        if (!fetchError.isEmpty()) {
            fields.add(new String[] {"Intake", "new commits are not coming in: the last fetch failed: " + fetchError});
        }
        fields.add(new String[] {"Lock", RolloutText.lock(s.path("lock"))});
        Output.fields(out, fields);
        out.println();
        List<List<String>> tiers = new ArrayList<>();
        for (JsonNode t : s.path("tiers")) {
            boolean canary = !t.path("candidate").isNull() && !t.path("candidate").isMissingNode();
            tiers.add(List.of(Output.text(t, "tier"), Output.text(t, "stable"), Output.text(t, "candidate"),
                    canary ? percent(t.path("split").asDouble()) : "-"));
        }
        Output.table(out, List.of("TIER", "STABLE", "CANDIDATE", "SPLIT"), tiers);
        out.println();
        JsonNode rollout = s.path("rollout");
        if (rollout.isNull() || rollout.isMissingNode()) {
            out.println("no rollout yet (drover deploy " + Output.text(s, "service") + ")");
        } else {
            out.println(RolloutText.line(rollout));
        }
        int queued = s.path("queued").asInt();
        if (queued > 0) {
            out.println(queued + (queued == 1 ? " rollout queued" : " rollouts queued") + " behind it");
        }
        JsonNode stage = s.path("stage");
        if (stage.isObject()) {
            stage(out, stage, clock);
        }
        verdicts(out, s, verbose);
        out.flush();
        return text.toString().lines().toList();
    }

    /** {@code stage 1/2 on main, spot: bake 4m10s of 10m; deadline in 5h50m}, then each tier's jobs per arm. */
    private static void stage(PrintWriter out, JsonNode stage, boolean clock) {
        long elapsed = stage.path("elapsedSeconds").asLong();
        long bake = stage.path("bakeSeconds").asLong();
        long deadline = stage.path("deadlineSeconds").asLong();
        String timing = clock
                ? "bake " + duration(Math.min(elapsed, bake)) + " of " + duration(bake) + "; "
                        + (elapsed < deadline ? "deadline in " + duration(deadline - elapsed)
                        : "deadline passed " + duration(elapsed - deadline) + " ago")
                : "bake " + duration(bake) + "; deadline " + duration(deadline);
        List<String> tiers = new ArrayList<>();
        stage.path("tiers").forEach(t -> tiers.add(t.asText()));
        out.println("stage " + stage.path("stage").asInt() + "/" + stage.path("stages").asInt() + " on "
                + String.join(", ", tiers) + " (" + percent(stage.path("split").asDouble()) + " of jobs): " + timing);
        int min = stage.path("minJobs").asInt();
        for (JsonNode p : stage.path("progress")) {
            out.println("  " + p.path("tier").asText() + ": jobs candidate " + arm(p.path("candidate"), min)
                    + (p.path("baseline").isObject() ? ", baseline " + arm(p.path("baseline"), min)
                    : " (first revision: no baseline)"));
        }
    }

    /** {@code 12/40} judged of the minimum, and {@code (3 running)}. */
    private static String arm(JsonNode arm, int min) {
        int running = arm.path("running").asInt();
        return arm.path("judged").asInt() + "/" + min + (running > 0 ? " (" + running + " running)" : "");
    }

    /** Each tier's verdict in words: the failing or open gate's sentence; with {@code verbose}, every gate's evidence. */
    private static void verdicts(PrintWriter out, JsonNode s, boolean verbose) {
        if (s.path("verdicts").isEmpty()) {
            return;
        }
        out.println();
        String outcome = s.path("stageOutcome").asText("");
        out.println("Verdicts (stage " + s.path("verdictStage").asInt() + (outcome.isEmpty() ? "" : ", " + outcome) + ")");
        for (JsonNode tier : s.path("verdicts")) {
            out.println("  " + tier.path("tier").asText() + ": " + tier.path("state").asText() + ": " + sentence(tier));
            if (verbose) {
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode g : tier.path("gates")) {
                    rows.add(List.of("    " + g.path("gate").asText(), g.path("state").asText(),
                            count(g.path("candidate")), count(g.path("baseline")), number(g.path("estimate")),
                            number(g.path("statistic")), number(g.path("threshold")), g.path("sentence").asText("")));
                }
                Output.table(out, List.of("    GATE", "STATE", "CANDIDATE", "BASELINE", "ESTIMATE", "STATISTIC",
                        "THRESHOLD", "SENTENCE"), rows);
            }
        }
    }

    /** The sentence that says where the tier stands: its failing gate's, else its first open gate's, else its first gate's. */
    private static String sentence(JsonNode tier) {
        JsonNode chosen = null;
        for (JsonNode g : tier.path("gates")) {
            String state = g.path("state").asText();
            if (state.equals("fail")) {
                return g.path("sentence").asText();
            }
            if (chosen == null && !state.equals("pass")) {
                chosen = g;
            }
        }
        if (chosen == null) {
            chosen = tier.path("gates").path(0);
        }
        return chosen.path("sentence").asText("-");
    }

    /** {@code 12}, or {@code 3/12} for a rate gate (events of n); {@code -} without an arm. */
    private static String count(JsonNode arm) {
        if (!arm.isObject()) {
            return "-";
        }
        JsonNode events = arm.path("events");
        return events.isNull() || events.isMissingNode() ? arm.path("n").asText() : events.asInt() + "/" + arm.path("n").asInt();
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3g", value.asDouble()) : "-";
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String duration(long seconds) {
        return Durations.format(Duration.ofSeconds(seconds));
    }
}
