package dev.drover.job.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The demo worker ({@code deploy/demo/worker/work.sh}) as a simulation: it holds {@code MEMORY_MB}
 * MiB (default 16) for {@code DURATION} seconds (default 5, decimals allowed), then exits 1 with
 * probability {@code FAIL_RATE} (default 0), else 0. Its shell and awk add {@value #BASE_MIB} MiB.
 */
public final class DemoWorker {
    static final long MIB = 1L << 20;
    static final long BASE_MIB = 1;

    private DemoWorker() {
    }

    /** One run of the worker with this environment. */
    public static Run run(Map<String, String> env, RandomGenerator random) {
        Duration duration = Duration.ofMillis(number(env, "DURATION", "5").movePointRight(3).longValue());
        long memory = number(env, "MEMORY_MB", "16").multiply(BigDecimal.valueOf(MIB)).longValue() + BASE_MIB * MIB;
        double failRate = number(env, "FAIL_RATE", "0").doubleValue();
        boolean fails = random.nextDouble() < failRate;
        return Run.exits(fails ? 1 : 0, duration, memory);
    }

    private static BigDecimal number(Map<String, String> env, String name, String otherwise) {
        String text = env.getOrDefault(name, otherwise).trim();
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the demo worker's " + name + " must be a number of 0 or more, not '"
                    + text + "'", e);
        }
    }
}
