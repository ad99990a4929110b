package dev.drover.build;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The container engine builds run on: build an image, run its test, push it. */
public interface ImageEngine {

    /**
     * Builds an image from a tar build context, without network; returns the image id.
     * Throws {@link BuildFailure} with the engine's error when the build fails.
     */
    String build(InputStream context, String dockerfile, String tag, Map<String, String> labels, Consumer<String> log);

    /** Runs the command in a container of the image with no network; kills it at the timeout. */
    TestResult test(String imageId, List<String> command, Duration timeout, Consumer<String> log);

    /**
     * Tags and pushes the image as {@code repository:tag} with the login {@link RegistryAuth} has for it;
     * returns {@code repository@sha256:...}. Throws {@link BuildFailure} saying what to fix when the
     * registry refuses it.
     */
    String push(String imageId, String repository, String tag, Consumer<String> log);

    /**
     * What {@code repository:tag} names in the registry now, as {@code repository@sha256:...}, or empty
     * when the registry has no such tag. Throws {@link BuildFailure} when the registry cannot be asked.
     */
    Optional<String> pushed(String repository, String tag);

    /** What a test run came to. */
    record TestResult(int exitCode, boolean timedOut, long millis) {
    }
}
