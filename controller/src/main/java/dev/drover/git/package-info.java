/**
 * The JGit adapter of {@link dev.drover.commit.RepositoryMirror}: one bare mirror per service under
 * the mirrors folder, fetched with the service's controller-side credentials: an HTTPS token, or an
 * SSH private key over JGit's Apache MINA transport with host keys checked strictly against the
 * controller's known_hosts file.
 *
 * <p>The only package that imports JGit and Apache MINA sshd. Credentials never reach an exception
 * message or a log line, and SSH keys never reach the disk.
 */
package dev.drover.git;
