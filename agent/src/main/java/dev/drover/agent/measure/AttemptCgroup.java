package dev.drover.agent.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A cgroup made for one attempt and given to its container as {@code --cgroup-parent} (engines on the
 * {@code cgroupfs} driver). The engine removes the container's own cgroup the moment it exits, taking its
 * high-water mark along; this parent outlives it, and the kernel charges it with everything its child used, so its
 * peak memory and CPU time can be read after the exit, short spikes and the OOM kill included. Removed afterwards.
 *
 * @param name the path below each hierarchy's root, e.g. {@code drover/attempt-42}
 */
public record AttemptCgroup(CgroupFs fs, String name) {

    /** The value for the engine's {@code CgroupParent}. */
    public String parent() {
        return "/" + name;
    }

    public boolean exists() {
        return Files.isDirectory(fs.unified() ? fs.root().resolve(name) : fs.root().resolve("memory").resolve(name));
    }

    /** Peak memory in bytes: v2 {@code memory.peak}, v1 {@code memory.max_usage_in_bytes}. */
    public OptionalLong peakMemory() {
        return fs.unified() ? CgroupFs.readNumber(fs.root().resolve(name).resolve("memory.peak"))
                : CgroupFs.readNumber(fs.root().resolve("memory").resolve(name).resolve("memory.max_usage_in_bytes"));
    }

    /** CPU time in nanoseconds: v2 {@code cpu.stat usage_usec}, v1 {@code cpuacct.usage}. */
    public OptionalLong cpuNanos() {
        if (!fs.unified()) {
            return CgroupFs.readNumber(fs.root().resolve("cpuacct").resolve(name).resolve("cpuacct.usage"));
        }
        try (Stream<String> lines = Files.lines(fs.root().resolve(name).resolve("cpu.stat"))) {
            return lines.filter(line -> line.startsWith("usage_usec "))
                    .mapToLong(line -> Long.parseLong(line.substring("usage_usec ".length()).strip()) * 1000)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Removes the cgroup from every hierarchy it was made in; true when none is left. Needs its container gone. */
    public boolean remove() {
        List<Path> places;
        if (fs.unified()) {
            places = List.of(fs.root().resolve(name));
        } else {
            try (Stream<Path> hierarchies = Files.list(fs.root())) {
                places = hierarchies.map(hierarchy -> hierarchy.resolve(name)).toList();
            } catch (IOException e) {
                return false;
            }
        }
        boolean all = true;
        for (Path place : places) {
            try {
                Files.deleteIfExists(place); // rmdir: a cgroup's files go with it
            } catch (IOException e) {
                all = false;
            }
        }
        return all;
    }
}
