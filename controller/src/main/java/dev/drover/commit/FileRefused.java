package dev.drover.commit;

/**
 * A file Drover reads from a commit ({@code drover.yaml}, the Dockerfile, {@code .dockerignore}) is not one it will
 * read: larger than {@link RepositoryMirror#MAX_FILE_BYTES}, or not a regular file (a submodule, a directory, a
 * symbolic link). A fault of that commit, not of the repository: the message says what to change in it.
 */
public final class FileRefused extends MirrorException {
    private static final long serialVersionUID = 1L;

    public FileRefused(String message) {
        super(message, null);
    }
}
