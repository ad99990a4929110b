package dev.drover.agent.protocol;

/**
 * What a container of the attempt may use.
 *
 * @param gpus    GPUs to request from the engine (device requests); 0: none
 * @param network give the container a network; false: {@code --network none}
 */
public record Limits(double vcpus, long memoryBytes, long shmBytes, int gpus, long timeoutSeconds, boolean network) {
}
