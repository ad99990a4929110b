package dev.drover.agent.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The host's cgroup file system ({@code /sys/fs/cgroup}), v1 or v2, as the Docker engine lays out containers in it.
 * Engine stats carry a memory high-water mark only on cgroup v1 ({@code max_usage}); on v2 it is the cgroup's
 * {@code memory.peak} file, read here. A container's own cgroup goes away when it exits, so these are read while it
 * runs; {@link AttemptCgroup} keeps a reading possible after the exit.
 */
public record CgroupFs(Path root) {

    public static CgroupFs host() {
        return new CgroupFs(Path.of("/sys/fs/cgroup"));
    }

    /** cgroup v2 only (the unified hierarchy at the root), as opposed to v1 or hybrid. */
    public boolean unified() {
        return Files.exists(root.resolve("cgroup.controllers"));
    }

    /** The container's memory high-water mark now, from its own cgroup under either cgroup driver. */
    public OptionalLong containerPeak(String containerId) {
        List<Path> candidates = List.of(
                root.resolve("system.slice/docker-" + containerId + ".scope/memory.peak"),
                root.resolve("docker/" + containerId + "/memory.peak"),
                root.resolve("memory/docker/" + containerId + "/memory.max_usage_in_bytes"),
                root.resolve("memory/system.slice/docker-" + containerId + ".scope/memory.max_usage_in_bytes"));
        for (Path candidate : candidates) {
            OptionalLong value = readNumber(candidate);
            if (value.isPresent()) {
                return value;
            }
        }
        return OptionalLong.empty();
    }

    /** Whether this process may make and remove cgroups here (it sees the host's hierarchy and may write it). */
    public boolean writable() {
        return Files.isWritable(unified() ? root : root.resolve("memory"));
    }

    public AttemptCgroup attempt(long attemptId) {
        return new AttemptCgroup(this, "drover/attempt-" + attemptId);
    }

    static OptionalLong readNumber(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.matches("\\d+") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
