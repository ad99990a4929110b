package dev.drover.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPU use runs a real process; a script stands in for nvidia-smi with its real output format. */
class GpuSamplerTest {
    @TempDir
    Path dir;

    private GpuSampler sampler(String body) throws IOException {
        Path file = dir.resolve("nvidia-smi");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new GpuSampler(file.toString());
    }

    @Test
    void readsEachGpusUtilisationAndMemoryAndKeepsTheAttempts() throws IOException {
        GpuSampler sampler = sampler("""
                [ "$1 $2" = "--query-gpu=index,utilization.gpu,memory.used --format=csv,noheader,nounits" ] || exit 9
                echo "0, 87, 40500"
                echo "1, 3, 512"
                echo "2, 45, 1024"
                """);

        assertThat(sampler.sample(Set.of(0, 2))).containsExactly(new GpuSampler.GpuUse(0, 87, 40500), new GpuSampler.GpuUse(2, 45, 1024));
        assertThat(sampler.sample(Set.of())).hasSize(3);
    }

    @Test
    void aFailingOrMissingToolGivesNoSamples() throws IOException {
        assertThat(sampler("echo 'NVIDIA-SMI has failed'; exit 9").sample(Set.of())).isEmpty();
        assertThat(new GpuSampler(dir.resolve("absent").toString()).sample(Set.of())).isEmpty();
    }

    @Test
    void linesThatAreNotSamplesAreSkipped() {
        assertThat(GpuSampler.parse("0, [N/A], 100\n1, 50, 2048\nWARNING\n")).containsExactly(new GpuSampler.GpuUse(1, 50, 2048));
    }

    @Test
    void anAttemptsGpuUseIsItsAverageUtilisationAndPeakMemory() {
        Measurements measurements = new Measurements();
        measurements.gpus(List.of(new GpuSampler.GpuUse(0, 80, 1000), new GpuSampler.GpuUse(1, 60, 3000)));
        measurements.gpus(List.of(new GpuSampler.GpuUse(0, 20, 500), new GpuSampler.GpuUse(1, 40, 500)));

        Measurements.Usage usage = measurements.usage(Duration.ofSeconds(10));
        assertThat(usage.gpuUtilization()).isEqualTo(50.0);
        assertThat(usage.gpuMemoryBytes()).isEqualTo(4000L * 1024 * 1024);
    }
}
