package dev.drover.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.judge.Detectable;
import dev.drover.judge.SequentialJudge;
import dev.drover.rollout.Budget;
import dev.drover.rollout.Floors;
import dev.drover.rollout.PolicyCompiler;
import dev.drover.spec.DurationGate;
import dev.drover.spec.Gate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.StageSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * For {@code drover plan}: the smallest regression each stage's minimum jobs catch with
 * {@link Detectable#POWER} probability, at assumed baseline rates, so that a stage too small to catch
 * what matters is seen when the file is written rather than after a regression slipped through. The
 * alphas are the controller's (the default false-rollback budget split over every test of the rollout as
 * {@link Budget} splits it, the first stage's failure tests getting the largest share; both judges run the same
 * tests), and the ratios are those of the
 * sequential judge's paired test ({@link Detectable}). Offline the plan cannot see a controller's own
 * budget or floors, so it uses the file's {@code minJobs} and the default budget, and says so.
 */
record DetectableRegressions(Baseline baseline, Budget budget, double tolerance, List<Stage> stages) {
    static final String HEADER = "DETECTS (" + percent(Detectable.POWER) + " POWER)";

    /**
     * What the regressions are measured against: the stable revision's failure rate, and the spread of its
     * job durations as the standard deviation of their logarithms (lognormal durations).
     */
    record Baseline(double failureRate, double durationSpread) {
    }

    /** One stage: the smallest failure-rate ratio and duration multiplier it catches, empty when none. */
    record Stage(int minJobs, OptionalDouble failureRatio, boolean durationGate, OptionalDouble durationRatio) {
    }

    static DetectableRegressions of(ServiceSpec spec, Baseline baseline) {
        GatesSpec gates = spec.gates();
        Budget budget = Budget.split(Floors.DEFAULT_ROLLOUT_ALPHA, spec.stages(), new SequentialJudge().testsPerTier(gates));
        DurationGate duration = gates.duration();
        double durationAlpha = budget.other() / Math.max(1, duration.quantiles().size()); // split over its quantiles
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < spec.stages().size(); i++) {
            StageSpec s = spec.stages().get(i);
            stages.add(new Stage(s.minJobs(), Detectable.failureRatio(s.minJobs(), budget.failure(i),
                    baseline.failureRate(), gates.failureRate().tolerance()),
                    duration.enabled(), duration.enabled()
                    ? Detectable.durationRatio(s.minJobs(), durationAlpha, baseline.durationSpread(), duration.tolerance())
                    : OptionalDouble.empty()));
        }
        return new DetectableRegressions(baseline, budget, gates.failureRate().tolerance(), stages);
    }

    /** {@code failures 3.1x, duration 1.32x}, with {@code undetectable in N jobs} where the stage is too small. */
    String cell(Stage s) {
        String failures = s.failureRatio().isPresent() ? "failures " + ratio(s.failureRatio().getAsDouble())
                : "failures: undetectable in " + s.minJobs() + " jobs";
        String duration = !s.durationGate() ? "duration: gate off"
                : s.durationRatio().isPresent() ? "duration " + ratio(s.durationRatio().getAsDouble())
                : "duration: undetectable in " + s.minJobs() + " jobs";
        return failures + ", " + duration;
    }

    /** The lines under the stages table: what the column means and what it assumed. */
    List<String> notes() {
        List<String> lines = new ArrayList<>();
        lines.add("DETECTS: the smallest regression each stage catches " + percent(Detectable.POWER)
                + " of the time in its minimum jobs, on each of its tiers:");
        lines.add("  failures Nx: the candidate fails N times as often as the baseline;"
                + " duration Mx: all its jobs take M times as long.");
        if (stages.stream().anyMatch(s -> s.failureRatio().isEmpty() || s.durationGate() && s.durationRatio().isEmpty())) {
            lines.add("  undetectable: too few jobs to catch even a candidate that always fails, or takes "
                    + Gate.number(Detectable.MAX_MULTIPLIER) + "x as long; raise minJobs.");
        }
        for (int i = 0; i < stages.size(); i++) {
            int needed = pairsToCatchAlwaysFailing(i);
            if (stages.get(i).minJobs() < needed) {
                lines.add("TOO SMALL: " + PolicyCompiler.tooSmall(i + 1, stages.get(i).minJobs(), needed) + ".");
            }
        }
        lines.add("Assumed: the baseline fails " + percent(baseline.failureRate()) + " of jobs (--baseline-failure-rate)"
                + " and its durations spread " + Gate.number(baseline.durationSpread())
                + " (--duration-spread: std dev of log durations);");
        lines.add("  false-rollback budget " + Gate.number(Floors.DEFAULT_ROLLOUT_ALPHA) + " per rollout: alpha "
                + String.format(Locale.ROOT, "%.2g", budget.firstStageFailure()) + " for each failure-rate test of stage 1,"
                + " " + String.format(Locale.ROOT, "%.2g", budget.other()) + " for every other test.");
        return lines;
    }

    private int pairsToCatchAlwaysFailing(int stage) {
        return Detectable.pairsToCatchAlwaysFailing(budget.failure(stage), tolerance);
    }

    /** The same for {@code -o json}. */
    ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("power", Detectable.POWER);
        node.put("baselineFailureRate", baseline.failureRate());
        node.put("durationSpread", baseline.durationSpread());
        node.put("falseRollbackBudget", Floors.DEFAULT_ROLLOUT_ALPHA);
        node.put("firstStageFailureAlpha", budget.firstStageFailure());
        node.put("alphaPerTest", budget.other());
        var list = node.putArray("stages");
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            ObjectNode stage = list.addObject();
            stage.put("stage", i + 1);
            stage.put("minJobs", s.minJobs());
            stage.put("pairsToCatchAlwaysFailing", pairsToCatchAlwaysFailing(i));
            putRatio(stage, "failureRatio", s.failureRatio());
            if (s.durationGate()) {
                putRatio(stage, "durationRatio", s.durationRatio());
            }
        }
        return node;
    }

    private static void putRatio(ObjectNode node, String field, OptionalDouble ratio) {
        if (ratio.isPresent()) {
            node.put(field, Math.round(ratio.getAsDouble() * 1000) / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    /** {@code 3.1x}, {@code 1.32x}, {@code 12x}: as the judge's verdicts write ratios. */
    private static String ratio(double value) {
        int decimals = value >= 10 ? 0 : value >= 1.95 ? 1 : 2;
        return String.format(Locale.ROOT, "%." + decimals + "f", value) + "x";
    }

    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
