package dev.drover.job;

import dev.drover.fleet.Agent;

/**
 * Cost of an attempt: its duration × the target's price per hour × the job's dominant share of the
 * host, the largest of its CPU, memory and GPU shares (a job that takes half a host's memory costs
 * half the host, however few cores it uses).
 */
public final class Costs {
    private Costs() {
    }

    public static double of(long durationMillis, double pricePerHour, double vcpus, long memoryBytes, int gpus, Agent host) {
        return of(durationMillis, pricePerHour, vcpus, memoryBytes, gpus, host.cpus(), host.memoryBytes(), host.gpus());
    }

    public static double of(long durationMillis, double pricePerHour, double vcpus, long memoryBytes, int gpus,
                            double hostCpus, long hostMemoryBytes, int hostGpus) {
        double share = 0;
        if (hostCpus > 0) {
            share = Math.max(share, vcpus / hostCpus);
        }
        if (hostMemoryBytes > 0) {
            share = Math.max(share, (double) memoryBytes / hostMemoryBytes);
        }
        if (hostGpus > 0) {
            share = Math.max(share, (double) gpus / hostGpus);
        }
        return durationMillis / 3_600_000.0 * pricePerHour * Math.min(1, share);
    }
}
