package dev.drover.build;

import java.time.Instant;

/**
 * One build of one commit, as recorded.
 *
 * @param imageId      the engine's id of the built image ({@code sha256:...})
 * @param imageRef     what revisions use: {@code registry/repo@sha256:...} when pushed, else the image id
 * @param testExitCode null until the test ran (or when there is no test)
 * @param failure      why it failed, in words, when it did
 */
public record Build(long id, long serviceId, long commitId, String commitSha, BuildStatus status, Instant startedAt,
                    Instant finishedAt, String imageId, String imageRef, String buildLog, Integer testExitCode,
                    Long testMillis, String testLog, String failure) {
}
