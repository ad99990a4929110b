package dev.drover.api;

import dev.drover.build.Build;
import java.time.Instant;

/** A build as the API shows it; its logs are served apart ({@code .../logs/build}, {@code .../logs/test}). */
public record BuildView(long id, String commit, String status, Instant startedAt, Instant finishedAt, String imageId,
                        String imageRef, Integer testExitCode, Long testMillis, String failure) {
    static BuildView of(Build b) {
        return new BuildView(b.id(), b.commitSha(), b.status().wireName(), b.startedAt(), b.finishedAt(), b.imageId(),
                b.imageRef(), b.testExitCode(), b.testMillis(), b.failure());
    }
}
