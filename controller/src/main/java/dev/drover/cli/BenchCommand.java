package dev.drover.cli;

import dev.drover.bench.BenchRunner;
import dev.drover.bench.Procedures;
import dev.drover.bench.Report;
import dev.drover.bench.Scenario;
import dev.drover.bench.ScenarioFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drover bench}: Drover's benchmarks (BENCHMARKS.md); each prints a Markdown table and writes a CSV. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark (docs/bench.md).",
        subcommands = BenchCommand.Canary.class)
public class BenchCommand {

    /** {@code drover bench canary}: the canary-judging procedures on simulated job streams. */
    @Command(name = "canary", mixinStandardHelpOptions = true,
            description = "Compare canary-judging procedures on simulated job streams (no controller needed).")
    static class Canary implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--scenarios", paramLabel = "FILE",
                description = "Scenario file (default: the built-in list, " + ScenarioFile.BUILT_IN + ")")
        Path scenarios;

        @Option(names = "--only", paramLabel = "NAME", split = ",",
                description = "Run only these scenarios of the file (comma-separated names)")
        List<String> only;

        @Option(names = "--procedures", paramLabel = "NAME", split = ",",
                description = "Procedures to compare, in table order (default: all registered)")
        List<String> procedures;

        @Option(names = "--reps", defaultValue = "1000", description = "Replications per scenario (default: ${DEFAULT-VALUE})")
        int reps;

        @Option(names = "--seed", defaultValue = "20240601", description = "Seed of the run (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE})")
        int threads;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
                description = "Folder for canary.csv (default: ${DEFAULT-VALUE})")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<Scenario> list = chosen();
            var settings = new BenchRunner.Settings(reps, seed, threads,
                    procedures == null ? Procedures.names() : procedures);
            long began = System.nanoTime();
            var results = BenchRunner.run(list, settings, spec.commandLine().getErr());
            Files.createDirectories(out);
            Path csv = out.resolve("canary.csv");
            Files.writeString(csv, Report.csv(results, settings), StandardCharsets.UTF_8);
            var stdout = spec.commandLine().getOut();
            stdout.print(Report.markdown(results, settings));
            stdout.printf(Locale.ROOT, "%n%d scenarios x %d reps in %.1f s on %d threads; CSV: %s%n", list.size(), reps,
                    (System.nanoTime() - began) / 1e9, threads, csv);
            stdout.flush();
            return ExitCodes.OK;
        }

        private List<Scenario> chosen() throws IOException {
            if (reps < 1 || threads < 1) {
                throw new CliFailure(ExitCodes.USAGE, "--reps and --threads must be at least 1");
            }
            List<Scenario> all;
            try {
                all = scenarios == null ? ScenarioFile.builtIn() : ScenarioFile.read(scenarios);
                if (procedures != null) {
                    procedures.forEach(p -> Procedures.create(p, dev.drover.bench.Design.of(Scenario.BASE)));
                }
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, e.getMessage());
            }
            if (only == null) {
                return all;
            }
            List<Scenario> some = all.stream().filter(s -> only.contains(s.name())).toList();
            if (some.size() != only.size()) {
                throw new CliFailure(ExitCodes.USAGE, "no scenario named " + only.stream()
                        .filter(n -> all.stream().noneMatch(s -> s.name().equals(n))).toList() + " in the file");
            }
            return some;
        }
    }
}
