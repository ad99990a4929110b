package dev.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.Drover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void canaryPrintsTheTableAndWritesTheCsv(@TempDir Path dir) throws Exception {
        Path scenarios = dir.resolve("s.txt");
        Files.writeString(scenarios, "# a small one\nsmall-r5 expect=rollback r=5 nfh=150\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Drover.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bench", "canary", "--scenarios", scenarios.toString(), "--reps", "8", "--seed", "7",
                "--out", dir.resolve("out").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("| scenario |", "| small-r5 | rollback | 150 | fixed-horizon |",
                "kayenta-like", "argo-style", "naive-peeking");
        assertThat(err.toString()).contains("scenario 1 of 1: small-r5");
        String csv = Files.readString(dir.resolve("out/canary.csv"));
        assertThat(csv).startsWith("# drover bench canary: seed=7 reps=8").contains("\nsmall-r5,rollback,150,");
        assertThat(csv.lines().filter(l -> l.startsWith("small-r5,"))).hasSize(Procedures.names().size());
    }

    @Test
    void aBadScenarioFileIsAUsageErrorNamingTheLine(@TempDir Path dir) throws Exception {
        Path scenarios = dir.resolve("bad.txt");
        Files.writeString(scenarios, "ok r=2\nbad shar=0.5\n");
        StringWriter err = new StringWriter();
        var cli = Drover.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("bench", "canary", "--scenarios", scenarios.toString(), "--reps", "1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.txt:2: unknown key 'shar'");
    }
}
