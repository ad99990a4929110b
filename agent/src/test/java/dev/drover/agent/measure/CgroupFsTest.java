package dev.drover.agent.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup layouts, laid out in a temporary directory as the kernel and the engine lay them out. */
class CgroupFsTest {
    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void readsAContainersPeakUnderEitherVersionAndDriver() throws IOException {
        CgroupFs fs = new CgroupFs(root);
        write("system.slice/docker-aaa.scope/memory.peak", "1000\n");
        write("docker/bbb/memory.peak", "2000\n");
        write("memory/docker/ccc/memory.max_usage_in_bytes", "3000\n");
        write("memory/system.slice/docker-ddd.scope/memory.max_usage_in_bytes", "4000\n");

        assertThat(fs.containerPeak("aaa")).hasValue(1000);
        assertThat(fs.containerPeak("bbb")).hasValue(2000);
        assertThat(fs.containerPeak("ccc")).hasValue(3000);
        assertThat(fs.containerPeak("ddd")).hasValue(4000);
        assertThat(fs.containerPeak("gone")).isEmpty();
    }

    @Test
    void anAttemptCgroupOnV2ReadsMemoryPeakAndCpuStat() throws IOException {
        write("cgroup.controllers", "cpu memory pids\n");
        write("drover/attempt-7/memory.peak", "16777216\n");
        write("drover/attempt-7/cpu.stat", "usage_usec 2500000\nuser_usec 2000000\n");
        AttemptCgroup cgroup = new CgroupFs(root).attempt(7);

        assertThat(cgroup.parent()).isEqualTo("/drover/attempt-7");
        assertThat(cgroup.peakMemory()).hasValue(16777216);
        assertThat(cgroup.cpuNanos()).isEqualTo(OptionalLong.of(2_500_000_000L));
        assertThat(cgroup.exists()).isTrue();
    }

    @Test
    void anAttemptCgroupOnV1ReadsEachControllersFileAndIsRemovedFromEveryHierarchy() throws IOException {
        write("memory/drover/attempt-8/memory.max_usage_in_bytes", "17039360\n");
        write("cpuacct/drover/attempt-8/cpuacct.usage", "382287130\n");
        Files.createDirectories(root.resolve("pids/drover/attempt-8"));
        AttemptCgroup cgroup = new CgroupFs(root).attempt(8);

        assertThat(cgroup.peakMemory()).hasValue(17039360);
        assertThat(cgroup.cpuNanos()).hasValue(382287130);

        Files.delete(root.resolve("memory/drover/attempt-8/memory.max_usage_in_bytes")); // the kernel's files go with rmdir
        Files.delete(root.resolve("cpuacct/drover/attempt-8/cpuacct.usage"));
        assertThat(cgroup.remove()).isTrue();
        assertThat(root.resolve("memory/drover/attempt-8")).doesNotExist();
        assertThat(root.resolve("pids/drover/attempt-8")).doesNotExist();
        assertThat(root.resolve("memory/drover")).exists();
    }
}
