package dev.drover.agent.protocol;

/** One GPU as {@code nvidia-smi} reports it. */
public record Gpu(int index, String model, long memoryMiB) {
}
