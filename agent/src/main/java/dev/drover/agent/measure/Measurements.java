package dev.drover.agent.measure;

import java.time.Duration;
import java.util.List;

/**
 * What one attempt used, gathered from the samples and readings taken while it ran and right after. Every
 * memory reading is a lower bound of the true peak (a sampled usage, a high-water mark), so the largest wins.
 */
public final class Measurements {
    /** The summary that goes into the result; null where nothing was measured. */
    public record Usage(Double cpuAvg, Double cpuPeak, Long memoryPeakBytes, Double gpuUtilization, Long gpuMemoryBytes) {
    }

    private double cpuPeak = -1;
    private long cpuNanos = -1;
    private long memoryPeak = -1;
    private double gpuUtilisationSum;
    private int gpuSamples;
    private long gpuMemoryPeak = -1;

    /** One sample's CPU use, in cores. */
    public synchronized void cpuCores(double cores) {
        cpuPeak = Math.max(cpuPeak, cores);
    }

    /** CPU time used since the start, in nanoseconds (a running total: the largest is the latest). */
    public synchronized void cpuTime(long nanos) {
        cpuNanos = Math.max(cpuNanos, nanos);
    }

    /** A memory reading, in bytes: a usage or a high-water mark. */
    public synchronized void memory(long bytes) {
        memoryPeak = Math.max(memoryPeak, bytes);
    }

    /** One GPU sample over the attempt's GPUs: their utilisation is averaged, their memory added up. */
    public synchronized void gpus(List<GpuSampler.GpuUse> uses) {
        if (uses.isEmpty()) {
            return;
        }
        gpuUtilisationSum += uses.stream().mapToDouble(GpuSampler.GpuUse::utilisation).average().orElse(0);
        gpuSamples++;
        gpuMemoryPeak = Math.max(gpuMemoryPeak, uses.stream().mapToLong(GpuSampler.GpuUse::memoryMiB).sum() * 1024 * 1024);
    }

    /**
     * The summary for a run that lasted {@code ran}. The average comes from the CPU time over the run; the peak is
     * the busiest sample, and never below the average (some stretch of the run used at least that much).
     */
    public synchronized Usage usage(Duration ran) {
        Double average = cpuNanos >= 0 && ran.toNanos() > 0 ? (double) cpuNanos / ran.toNanos() : null;
        Double peak = cpuPeak >= 0 ? Double.valueOf(cpuPeak) : average;
        if (peak != null && average != null && average > peak) {
            peak = average;
        }
        return new Usage(average, peak, memoryPeak >= 0 ? memoryPeak : null,
                gpuSamples > 0 ? gpuUtilisationSum / gpuSamples : null, gpuMemoryPeak >= 0 ? gpuMemoryPeak : null);
    }
}
