package dev.drover.spec;

/** A named slice of the job stream (its weight) bound to a target, with the GPUs each of its jobs gets. */
public record TierSpec(String name, String target, double weight, int gpus) {

    public boolean hasGpu() {
        return gpus > 0;
    }
}
