package dev.drover.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.drover.spec.CanaryLoadSpec;
import dev.drover.spec.Durations;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.GpuMode;
import dev.drover.spec.InvalidSpecException;
import dev.drover.spec.KnownTarget;
import dev.drover.spec.RetryPolicy;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.Size;
import dev.drover.spec.SpecError;
import dev.drover.spec.StageSpec;
import dev.drover.spec.TierSpec;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** drover.yaml read strictly: typed values and defaults for valid files, every error located for invalid ones. */
class DroverYamlTest {
    static final List<KnownTarget> TARGETS = List.of(new KnownTarget("cpu-spot", 0), new KnownTarget("gpu-spot", 1));

    @Test
    void aMinimalFileTakesEveryDefault() {
        ServiceSpec spec = DroverYaml.parse("drover.yaml", """
                service: thumbnailer
                job:
                  command: ["sh", "/app/work.sh"]
                tiers:
                  - { name: canary, target: cpu-spot, weight: 1 }
                  - { name: main, target: cpu-spot, weight: 3 }
                stages:
                  - { tiers: [canary] }
                  - { tiers: [main] }
                """, null);

        assertThat(spec.service()).isEqualTo("thumbnailer");
        assertThat(spec.build().dockerfile()).isEqualTo("Dockerfile");
        assertThat(spec.build().context()).isEqualTo(".");
        assertThat(spec.test()).isEmpty();
        assertThat(spec.job().command()).containsExactly("sh", "/app/work.sh");
        assertThat(spec.job().vcpus()).isEqualTo(1.0);
        assertThat(spec.job().memory()).isEqualTo(Size.gibibytes(1));
        assertThat(spec.job().shm()).isEqualTo(Size.mebibytes(64));
        assertThat(spec.job().timeout()).isEqualTo(Duration.ofHours(1));
        assertThat(spec.job().retries()).isEqualTo(new RetryPolicy(3, 0));
        assertThat(spec.job().env()).isEmpty();
        assertThat(spec.job().secrets()).isEmpty();
        assertThat(spec.job().gpu()).isEqualTo(GpuMode.OPTIONAL);
        assertThat(spec.tiers()).containsExactly(
                new TierSpec("canary", "cpu-spot", 1, 0), new TierSpec("main", "cpu-spot", 3, 0));
        assertThat(spec.share(spec.tiers().get(1))).isEqualTo(0.75);
        assertThat(spec.stages().get(0)).isEqualTo(
                new StageSpec(List.of("canary"), Duration.ofMinutes(10), 20, 0.5, Duration.ofHours(6)));
        assertThat(spec.gates()).isEqualTo(GatesSpec.DEFAULT);
        assertThat(spec.gates().duration().quantiles()).containsExactly(0.5, 0.95);
        assertThat(spec.gates().all()).allMatch(g -> g.enabled() != g.key().equals("manualApproval"));
        assertThat(spec.canaryLoad()).isEqualTo(CanaryLoadSpec.OFF);
    }

    @Test
    void everyKeyIsReadIntoItsTypedValue() {
        ServiceSpec spec = DroverYaml.parse("drover.yaml", """
                service: embedder
                build: { dockerfile: docker/Dockerfile, context: worker }
                test: { command: [pytest, -q], timeout: 1h30m }
                job:
                  command: [python, -m, embedder]
                  vcpus: 0.5
                  memory: 500M
                  shm: 2Gi
                  timeout: 90s
                  retries: { infra: 5, code: 1 }
                  env: { THREADS: 4, MODE: fast }
                  secrets: { HF_TOKEN: embedder/hf-token }
                  gpu: per-job
                tiers:
                  - { name: canary-gpu, target: gpu-spot, weight: 1, gpus: 1 }
                  - { name: c1, target: cpu-spot, weight: 3 }
                  - { name: c1-gpu, target: gpu-spot, weight: 1, gpus: 1 }
                stages:
                  - { tiers: [canary-gpu], bake: 0s, minJobs: 5, split: 1, deadline: 1d }
                  - { tiers: [c1, c1-gpu] }
                gates:
                  failureRate: { tolerance: 2 }
                  duration: { quantiles: [0.9], tolerance: 1.1, enabled: false }
                  memory: { enabled: false }
                  costPerJob: { tolerance: 1.5 }
                  manualApproval: true
                canaryLoad: { replayRecent: 25 }
                """, TARGETS);

        assertThat(spec.build().dockerfile()).isEqualTo("docker/Dockerfile");
        assertThat(spec.build().context()).isEqualTo("worker");
        assertThat(spec.test().orElseThrow().command()).containsExactly("pytest", "-q");
        assertThat(spec.test().orElseThrow().timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(spec.job().vcpus()).isEqualTo(0.5);
        assertThat(spec.job().memory().bytes()).isEqualTo(500_000_000L);
        assertThat(spec.job().shm().format()).isEqualTo("2Gi");
        assertThat(spec.job().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(spec.job().retries()).isEqualTo(new RetryPolicy(5, 1));
        assertThat(spec.job().env()).containsExactly(entry("THREADS", "4"), entry("MODE", "fast"));
        assertThat(spec.job().secrets()).containsExactly(entry("HF_TOKEN", "embedder/hf-token"));
        assertThat(spec.job().gpu()).isEqualTo(GpuMode.PER_JOB);
        assertThat(spec.tiers().get(0)).isEqualTo(new TierSpec("canary-gpu", "gpu-spot", 1, 1));
        assertThat(spec.stages().get(0)).isEqualTo(
                new StageSpec(List.of("canary-gpu"), Duration.ZERO, 5, 1.0, Duration.ofDays(1)));
        assertThat(spec.gates().failureRate().tolerance()).isEqualTo(2.0);
        assertThat(spec.gates().duration().quantiles()).containsExactly(0.9);
        assertThat(spec.gates().duration().tolerance()).isEqualTo(1.1);
        assertThat(spec.gates().duration().enabled()).isFalse();
        assertThat(spec.gates().memory().enabled()).isFalse();
        assertThat(spec.gates().memory().tolerance()).isEqualTo(1.3);
        assertThat(spec.gates().costPerJob().tolerance()).isEqualTo(1.5);
        assertThat(spec.gates().manualApproval().enabled()).isTrue();
        assertThat(spec.canaryLoad().replayRecent()).isEqualTo(25);
    }

    /** One invalid file: where one error must be, a fragment of what it says, and how many errors in all. */
    record Invalid(String why, String yaml, int line, int column, String message, int errors,
            List<KnownTarget> targets) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Invalid> invalidFiles() {
        return InvalidFiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void anInvalidFileIsRejectedWithTheLineColumnAndWhatIsWrong(Invalid file) {
        InvalidSpecException thrown = catchThrowableOfType(InvalidSpecException.class,
                () -> DroverYaml.parse("drover.yaml", file.yaml(), file.targets()));

        assertThat(thrown).as("no error for: " + file.why()).isNotNull();
        assertThat(thrown.errors()).as(thrown.getMessage()).hasSize(file.errors());
        assertThat(thrown.errors()).as(thrown.getMessage()).filteredOn(e -> e.line() == file.line()
                && e.column() == file.column() && e.message().contains(file.message())).hasSize(1);
        assertThat(thrown.getMessage().lines()).hasSize(file.errors()).allMatch(l -> l.startsWith("drover.yaml:"));
    }

    @Test
    void everyErrorInAFileIsReportedInFileOrder() {
        InvalidSpecException thrown = catchThrowableOfType(InvalidSpecException.class, () -> DroverYaml.parse(
                "x/drover.yaml", """
                service: s
                job: { command: [run], memory: 1, shm: x }
                tiers: [{ name: a, target: t, weight: 1 }, { name: b, target: t, weight: 0 }]
                stages: [{ tiers: [a] }]
                """, null));

        assertThat(thrown.errors()).extracting(SpecError::format).containsExactly(
                "x/drover.yaml:2:32: job.memory: expected a size like 512Mi or 2Gi, got 1 (a size needs a unit)",
                "x/drover.yaml:2:40: job.shm: expected a size like 512Mi or 2Gi, got 'x'",
                "x/drover.yaml:3:44: tier b is in no stage: add it to one, or remove it",
                "x/drover.yaml:3:74: tiers[2].weight: expected a number greater than 0, got 0");
    }

    @Test
    void sizesAndDurationsReadBackAsWritten() {
        for (String size : List.of("512Mi", "1Gi", "2Ti", "1Ki", "500M", "1G", "3K", "1T")) {
            assertThat(Size.parse(size).orElseThrow().format()).isEqualTo(size);
        }
        assertThat(Size.parse("1Gi").orElseThrow().bytes()).isEqualTo(1L << 30);
        assertThat(Size.parse("512")).isEmpty();
        assertThat(Size.parse("1.5Gi")).isEmpty();
        for (String duration : List.of("500ms", "10m", "2h", "1d", "1h30m", "1d2h3m4s5ms")) {
            assertThat(Durations.format(Durations.parse(duration).orElseThrow())).isEqualTo(duration);
        }
        assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m1h")).isEmpty();
        assertThat(Durations.parse("10")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
    }
}
