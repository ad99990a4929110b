package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drover plan}: the compiled plan for a valid file, located errors for an invalid one, targets with --server. */
class PlanCommandTest {
    private static final String VALID = """
            service: thumbnailer
            test: { command: ["sh", "-c", "./selftest"], timeout: 5m }
            job:
              command: ["sh", "/app/work.sh"]
              memory: 512Mi
              shm: 1Gi
              timeout: 30m
              secrets: { API_KEY: thumbnailer/api-key }
            tiers:
              - { name: canary-gpu, target: gpu-spot, weight: 5, gpus: 1 }
              - { name: canary-spot, target: cpu-spot, weight: 5 }
              - { name: c1, target: cpu-ondemand, weight: 30 }
              - { name: c2, target: cpu-ondemand, weight: 60 }
            stages:
              - { tiers: [canary-gpu, canary-spot], bake: 10m, minJobs: 40, deadline: 2h }
              - { tiers: [c1], bake: 5m }
              - { tiers: [c2] }
            gates:
              duration: { enabled: false }
            """;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run plan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PlanCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("drover.yaml"), text);
    }

    @Test
    void aValidFilePrintsTheJobTiersWithSharesStagesAndGates() throws IOException {
        Run run = plan(write(VALID).toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).contains("Service      thumbnailer", "Memory       512Mi", "Shm          1Gi",
                "Timeout      30m", "vCPUs        1", "Secrets      API_KEY from secret thumbnailer/api-key");
        assertThat(lines).containsSubsequence(
                "Tiers",
                "NAME         TARGET        WEIGHT  SHARE%  GPUS",
                "canary-gpu   gpu-spot      5       5.0     1",
                "canary-spot  cpu-spot      5       5.0     0",
                "c1           cpu-ondemand  30      30.0    0",
                "c2           cpu-ondemand  60      60.0    0",
                "Stages",
                "#  TIERS                    BAKE  MIN-JOBS  SPLIT  DEADLINE  DETECTS (80% POWER)",
                "1  canary-gpu, canary-spot  10m   40        0.5    2h        failures 21x, duration: gate off",
                "2  c1                       5m    20        0.5    6h        failures 45x, duration: gate off",
                "3  c2                       10m   20        0.5    6h        failures 45x, duration: gate off",
                "Gates",
                "  failure rate: code failures at most 1.5x the baseline's, plus 5 points to pass a stage"
                        + " (infrastructure failures compared too)",
                "  duration: off",
                "  manual approval: off");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachStageShowsTheSmallestRegressionItsMinimumJobsCatchAtTheAssumedBaseline() throws IOException {
        Path file = write(VALID.replace("minJobs: 40", "minJobs: 100").replace("[c1], bake: 5m", "[c1], bake: 5m, minJobs: 300")
                .replace("[c2] }", "[c2], minJobs: 900 }").replace("duration: { enabled: false }", "{}"));

        Run run = plan(file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsSubsequence(
                "#  TIERS                    BAKE  MIN-JOBS  SPLIT  DEADLINE  DETECTS (80% POWER)",
                "1  canary-gpu, canary-spot  10m   100       0.5    2h        failures 12x, duration 3.0x",
                "2  c1                       5m    300       0.5    6h        failures 7.7x, duration 2.0x",
                "3  c2                       10m   900       0.5    6h        failures 4.5x, duration 1.64x",
                "DETECTS: the smallest regression each stage catches 80% of the time in its minimum jobs, on each of its tiers:",
                "  failures Nx: the candidate fails N times as often as the baseline; duration Mx: all its jobs take M times as long.",
                "Assumed: the baseline fails 2% of jobs (--baseline-failure-rate) and its durations spread 1"
                        + " (--duration-spread: std dev of log durations);",
                "  false-rollback budget 0.05 per rollout: alpha 0.017 for each failure-rate test of stage 1, 0.00093 for every"
                        + " other test.");

        Run steadier = plan(file.toString(), "--baseline-failure-rate", "0.05", "--duration-spread", "0.4");

        assertThat(steadier.code()).as(steadier.err()).isZero();
        assertThat(steadier.out().lines().toList()).contains(
                "1  canary-gpu, canary-spot  10m   100       0.5    2h        failures 6.3x, duration 1.73x",
                "Assumed: the baseline fails 5% of jobs (--baseline-failure-rate) and its durations spread 0.4"
                        + " (--duration-spread: std dev of log durations);");
        assertThat(plan(file.toString(), "--baseline-failure-rate", "5%").out()).contains("failures 6.3x, duration 3.0x");
    }

    @Test
    void aStageTooSmallForAnyRegressionSaysSoAndWhatToDo() throws IOException {
        Run run = plan(write(VALID.replace("minJobs: 40", "minJobs: 3")).toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("failures: undetectable in 3 jobs, duration: gate off",
                "  undetectable: too few jobs to catch even a candidate that always fails, or takes 100x as long;"
                        + " raise minJobs.");
        assertThat(run.out()).containsPattern("TOO SMALL: stage 1 \\(minJobs 3\\) is too small to roll back even a"
                + " candidate that fails every job: that takes (\\d+) pairs at this budget, so such a candidate is held"
                + " until the stage's deadline and paused for a person; minJobs \\1 would roll it back\\.")
                .doesNotContain("TOO SMALL: stage 2");
    }

    @Test
    void badBaselineRatesExitWith2AndSayWhatIsExpected() throws IOException {
        String file = write(VALID).toString();

        Run percentless = plan(file, "--baseline-failure-rate", "2");
        Run word = plan(file, "--baseline-failure-rate", "often");
        Run spread = plan(file, "--duration-spread", "0");

        assertThat(percentless.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(percentless.err()).contains("Invalid value for option '--baseline-failure-rate'",
                "above 0% and below 100%", "did you mean 2%?");
        assertThat(word.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(word.err()).contains("'often' is not a failure rate: write 2% or 0.02");
        assertThat(spread.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(spread.err()).contains("'0' is not a duration spread", "a number above 0");
        assertThat(plan(file, "--baseline-failure-rate", "100%").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDirectoryMeansItsDroverYamlAndJsonIsTheTypedSpec() throws IOException {
        write(VALID);

        Run run = plan(dir.toString(), "-o", "json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"service\" : \"thumbnailer\"", "\"memory\" : \"512Mi\"", "\"timeout\" : \"30m\"",
                "\"gpu\" : \"optional\"", "\"deadline\" : \"2h\"");
        JsonNode detects = new ObjectMapper().readTree(run.out()).path("detects");
        assertThat(detects.path("power").asDouble()).isEqualTo(0.8);
        assertThat(detects.path("baselineFailureRate").asDouble()).isEqualTo(0.02);
        assertThat(detects.path("durationSpread").asDouble()).isEqualTo(1.0);
        // two thirds of the budget for the two failure tests of stage 1, a third for the 14 other tests (4 tiers, 4 tests)
        assertThat(detects.path("firstStageFailureAlpha").asDouble()).isCloseTo(0.05 * 2 / 3 / 2, within(1e-12));
        assertThat(detects.path("alphaPerTest").asDouble()).isCloseTo(0.05 / 3 / 14, within(1e-12));
        assertThat(detects.path("stages")).hasSize(3);
        assertThat(detects.path("stages").path(0).path("minJobs").asInt()).isEqualTo(40);
        assertThat(detects.path("stages").path(0).path("failureRatio").asDouble()).isBetween(20.5, 21.5);
        assertThat(detects.path("stages").path(0).path("pairsToCatchAlwaysFailing").asInt()).isEqualTo(11);
        assertThat(detects.path("stages").path(1).path("pairsToCatchAlwaysFailing").asInt()).isEqualTo(17);
        assertThat(detects.path("stages").path(0).has("durationRatio")).isFalse(); // the gate is off
    }

    @Test
    void anInvalidFileExitsWith1AndPrintsEachErrorWithItsLineAndColumn() throws IOException {
        Path file = write(VALID.replace("memory: 512Mi", "memory: 512").replace("[c1]", "[c3]"));

        Run run = plan(file.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err().lines().toList()).containsExactly(
                file + ":5:11: job.memory: expected a size like 512Mi or 2Gi, got 512 (a size needs a unit)",
                file + ":12:5: tier c1 is in no stage: add it to one, or remove it",
                file + ":16:15: unknown tier 'c3' in stage 2: did you mean 'c1'? the tiers are canary-gpu, canary-spot, c1, c2",
                "3 errors in " + file);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingFileExitsWith2AndSaysWhatToDo() {
        Run run = plan(dir.resolve("nowhere.yaml").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file").contains("nowhere.yaml");
    }

    @Test
    void withServerTheTiersTargetsAreCheckedAgainstTheController() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/targets", exchange -> {
            byte[] body = """
                    [{"name": "gpu-spot", "gpus": 1, "capacity": "spot"},
                     {"name": "cpu-spot", "gpus": 0}, {"name": "cpu-on-demand", "gpus": 0}]
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Path file = write(VALID);

            Run run = plan(file.toString(), "--server", url, "--token", "t");

            assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
            assertThat(run.err().lines().toList()).containsExactly(
                    file + ":12:25: unknown target 'cpu-ondemand': the controller knows cpu-on-demand, cpu-spot, gpu-spot"
                            + " (did you mean 'cpu-on-demand'?)",
                    file + ":13:25: unknown target 'cpu-ondemand': the controller knows cpu-on-demand, cpu-spot, gpu-spot"
                            + " (did you mean 'cpu-on-demand'?)",
                    "2 errors in " + file);
            assertThat(plan(write(VALID.replace("cpu-ondemand", "cpu-on-demand")).toString(), "--server", url).code())
                    .isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServerExitsWith1() throws IOException {
        Run run = plan(write(VALID).toString(), "--server", "http://127.0.0.1:9");

        assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot reach the controller");
    }
}
