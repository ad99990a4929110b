package dev.drover.build;

import java.util.Optional;

/**
 * How builds run.
 *
 * @param registry     where green images are pushed, e.g. {@code 127.0.0.1:5000/drover}; empty: not pushed
 * @param logLimit     characters of each build and test log kept (the start and the end)
 */
public record BuildSettings(Optional<String> registry, int logLimit) {
}
