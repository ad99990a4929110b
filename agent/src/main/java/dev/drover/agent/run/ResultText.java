package dev.drover.agent.run;

import dev.drover.agent.protocol.AttemptResult;
import java.time.Duration;
import java.util.Locale;

/** One line about an attempt's result, for the agent's output. */
final class ResultText {
    private ResultText() {
    }

    static String describe(AttemptResult result) {
        StringBuilder text = new StringBuilder("attempt " + result.attemptId() + " finished: " + result.outcome());
        if (result.exitCode() != null) {
            text.append(" (exit ").append(result.exitCode()).append(')');
        }
        if (result.startedAt() != null && result.endedAt() != null) {
            Duration took = Duration.between(result.startedAt(), result.endedAt());
            text.append(String.format(Locale.ROOT, " in %.1fs", took.toMillis() / 1000.0));
        }
        if (result.memoryPeakBytes() != null) {
            text.append(String.format(Locale.ROOT, ", peak memory %.1f MiB", result.memoryPeakBytes() / 1048576.0));
        }
        if (result.cpuAvg() != null) {
            text.append(String.format(Locale.ROOT, ", cpu %.2f avg", result.cpuAvg()));
            if (result.cpuPeak() != null) {
                text.append(String.format(Locale.ROOT, " / %.2f peak", result.cpuPeak()));
            }
        }
        if (result.gpuUtilization() != null) {
            text.append(String.format(Locale.ROOT, ", gpu %.0f%%", result.gpuUtilization()));
        }
        if (result.detail() != null && !result.detail().isBlank()) {
            text.append(" - ").append(result.detail());
        }
        return text.toString();
    }
}
