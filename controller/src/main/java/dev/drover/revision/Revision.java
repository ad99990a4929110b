package dev.drover.revision;

import java.time.Instant;

/**
 * Revision {@code number} of a service: immutable.
 *
 * @param imageRef the image by digest: {@code registry/repo@sha256:...}, or the local image id when no registry is set
 */
public record Revision(long id, long serviceId, int number, long commitId, String commitSha, String imageRef,
                       RevisionSpec spec, Instant createdAt) {
}
