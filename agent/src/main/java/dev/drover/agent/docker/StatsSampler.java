package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.measure.GpuSampler;
import dev.drover.agent.measure.Measurements;
import java.io.Closeable;
import java.util.Set;

/**
 * Samples a running container about once a second from the engine's stats stream: CPU in cores (from the
 * {@code cpu_stats}/{@code precpu_stats} deltas), CPU time so far, memory usage and (cgroup v1) its high-water
 * mark, the container cgroup's {@code memory.peak} (cgroup v2), and, with GPUs, {@code nvidia-smi}.
 */
final class StatsSampler extends ResultCallback.Adapter<Statistics> {
    private final String containerId;
    private final Measurements measurements;
    private final CgroupFs cgroups;
    private final GpuSampler gpus;
    private final Set<Integer> gpuIndexes;

    private StatsSampler(String containerId, Measurements measurements, CgroupFs cgroups, GpuSampler gpus, Set<Integer> gpuIndexes) {
        this.containerId = containerId;
        this.measurements = measurements;
        this.cgroups = cgroups;
        this.gpus = gpus;
        this.gpuIndexes = gpuIndexes;
    }

    /** Starts sampling; close the result to stop. {@code gpus} null: the attempt has none. */
    static Closeable start(DockerClient docker, String containerId, Measurements measurements, CgroupFs cgroups,
                           GpuSampler gpus, Set<Integer> gpuIndexes) {
        return docker.statsCmd(containerId).exec(new StatsSampler(containerId, measurements, cgroups, gpus, gpuIndexes));
    }

    @Override
    public void onNext(Statistics stats) {
        MemoryStatsConfig memory = stats.getMemoryStats();
        if (memory != null && memory.getUsage() != null) {
            measurements.memory(memory.getUsage());
        }
        if (memory != null && memory.getMaxUsage() != null) {
            measurements.memory(memory.getMaxUsage()); // cgroup v1 only
        }
        cgroups.containerPeak(containerId).ifPresent(measurements::memory);
        cpu(stats.getCpuStats(), stats.getPreCpuStats());
        if (gpus != null) {
            measurements.gpus(gpus.sample(gpuIndexes));
        }
    }

    private void cpu(CpuStatsConfig now, CpuStatsConfig before) {
        Long total = now == null || now.getCpuUsage() == null ? null : now.getCpuUsage().getTotalUsage();
        if (total == null || total == 0) {
            return; // the container is gone: the engine sends zeros
        }
        measurements.cpuTime(total);
        Long previous = before == null || before.getCpuUsage() == null ? null : before.getCpuUsage().getTotalUsage();
        Long system = now.getSystemCpuUsage();
        Long previousSystem = before == null ? null : before.getSystemCpuUsage();
        if (previous == null || previous == 0 || system == null || previousSystem == null || system <= previousSystem) {
            return; // the first sample has nothing to compare with
        }
        long cpus = now.getOnlineCpus() != null ? now.getOnlineCpus()
                : now.getCpuUsage().getPercpuUsage() != null ? now.getCpuUsage().getPercpuUsage().size() : 1;
        measurements.cpuCores((double) (total - previous) / (system - previousSystem) * cpus);
    }
}
