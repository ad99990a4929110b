/**
 * Builds: a queued commit becomes an image (built from git objects on the Docker engine), is
 * tested inside it, pushed, and when green becomes a numbered revision. One build at a time per
 * service, the newest waiting commit first; skipped ones are recorded as batched into it.
 *
 * <p>A commit's image is pushed under its full sha, a tag never moved; revisions name its digest.
 *
 * <p>Plain Java; the engine, the build context, the registry login ({@link dev.drover.build.RegistryAuth})
 * and the stores are interfaces with adapters.
 */
package dev.drover.build;
