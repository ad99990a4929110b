package dev.drover.spec;

/** A target the controller knows, as far as checking a spec needs it: its name and GPUs per host. */
public record KnownTarget(String name, int gpus) {
}
