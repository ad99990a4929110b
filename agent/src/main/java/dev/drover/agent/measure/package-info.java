/**
 * Measuring attempts on the host: the accumulator of CPU, memory and GPU readings, the cgroup file system
 * (v1 and v2 layouts), and GPU use from {@code nvidia-smi}. Plain Java; imports nothing of Drover's.
 */
package dev.drover.agent.measure;
