/**
 * Revisions: immutable, numbered job definitions (an image by digest and the job spec of its
 * commit's {@code drover.yaml}). Created is not live: a revision is live on a tier only as that
 * tier's stable or candidate.
 *
 * <p>Plain Java.
 */
package dev.drover.revision;
