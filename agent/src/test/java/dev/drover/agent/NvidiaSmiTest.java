package dev.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Gpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPU detection runs a real process; here a script stands in for nvidia-smi with its real output format. */
class NvidiaSmiTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path file = dir.resolve("nvidia-smi");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void readsEveryGpuWithModelAndMemory() throws IOException {
        Path smi = script("""
                [ "$1 $2" = "--query-gpu=index,name,memory.total --format=csv,noheader,nounits" ] || exit 9
                echo "0, NVIDIA H100 80GB HBM3, 81559"
                echo "1, NVIDIA H100 80GB HBM3, 81559"
                """);

        assertThat(new NvidiaSmi(smi.toString()).detect()).containsExactly(
                new Gpu(0, "NVIDIA H100 80GB HBM3", 81559), new Gpu(1, "NVIDIA H100 80GB HBM3", 81559));
    }

    @Test
    void aFailingToolMeansNoGpus() throws IOException {
        Path smi = script("echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'; exit 9");

        assertThat(new NvidiaSmi(smi.toString()).detect()).isEmpty();
    }

    @Test
    void noToolMeansNoGpus() {
        assertThat(new NvidiaSmi(dir.resolve("absent").toString()).detect()).isEmpty();
    }

    @Test
    void linesThatAreNotGpusAreSkipped() {
        assertThat(NvidiaSmi.parse("WARNING: something\n0, Tesla T4, 15360\n\n")).containsExactly(new Gpu(0, "Tesla T4", 15360));
    }
}
