package dev.drover.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs every procedure on every scenario: replication r of every scenario uses the seed
 * {@link Seeds#of(long, int) Seeds.of(seed, r)} and feeds the same stream to all procedures, so results
 * depend on the seed and the replication count, never on the thread count.
 */
public final class BenchRunner {
    private static final int BLOCKS_PER_THREAD = 4;

    /**
     * @param procedures names from {@link Procedures}, in report order
     */
    public record Settings(int reps, long seed, int threads, List<String> procedures) {
        public Settings {
            if (reps < 1 || threads < 1) {
                throw new IllegalArgumentException("reps and threads must be at least 1");
            }
            procedures = List.copyOf(procedures);
        }
    }

    private BenchRunner() {
    }

    /** Runs the scenarios one after another, each one's replications on {@code threads} threads. */
    public static List<ScenarioResult> run(List<Scenario> scenarios, Settings settings, PrintWriter progress) {
        List<Function<Design, Procedure>> factories = settings.procedures().stream()
                .<Function<Design, Procedure>>map(name -> {
                    Procedures.create(name, Design.of(Scenario.BASE)); // fails early on an unknown name
                    return d -> Procedures.create(name, d);
                })
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<ScenarioResult> results = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                long began = System.nanoTime();
                progress.printf(Locale.ROOT, "scenario %d of %d: %s (N_FH %d per arm, %d reps)%n", i + 1,
                        scenarios.size(), s.name(), s.horizon(), settings.reps());
                progress.flush();
                results.add(runOne(s, settings, factories, pool));
                progress.printf(Locale.ROOT, "  done in %.1f s%n", (System.nanoTime() - began) / 1e9);
                progress.flush();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ScenarioResult runOne(Scenario s, Settings settings, List<Function<Design, Procedure>> factories,
                                         ExecutorService pool) {
        Design design = Design.of(s);
        int reps = settings.reps();
        Verdict[][] byRep = new Verdict[reps][];
        int block = Math.max(1, reps / (settings.threads() * BLOCKS_PER_THREAD));
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < reps; from += block) {
            int start = from;
            int end = Math.min(reps, from + block);
            futures.add(pool.submit(() -> {
                for (int r = start; r < end; r++) {
                    byRep[r] = Replication.run(s, design, factories, Seeds.of(settings.seed(), r));
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("scenario " + s.name() + " failed: " + e.getCause(), e.getCause());
            }
        }
        List<Summary> summaries = new ArrayList<>();
        for (int p = 0; p < factories.size(); p++) {
            Verdict[] v = new Verdict[reps];
            for (int r = 0; r < reps; r++) {
                v[r] = byRep[r][p];
            }
            summaries.add(Summary.of(settings.procedures().get(p), v, design.nfh()));
        }
        return new ScenarioResult(s, design.nfh(), summaries);
    }
}
