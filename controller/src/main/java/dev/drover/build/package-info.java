/**
 * Builds: a queued commit becomes an image (built from git objects on the Docker engine), is
 * tested inside it, pushed, and when green becomes a numbered revision. One build at a time per
 * service, the newest waiting commit first; skipped ones are recorded as batched into it.
 *
 * <p>Plain Java; the engine, the build context and the stores are interfaces with adapters.
 */
package dev.drover.build;
