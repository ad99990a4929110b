/**
 * The JGit adapter of {@link dev.drover.commit.RepositoryMirror}: one bare mirror per service under
 * the mirrors folder, fetched with the service's controller-side credentials.
 *
 * <p>The only package that imports JGit. Credentials never reach an exception message or a log line.
 */
package dev.drover.git;
