package dev.drover.commit;

import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of a commit's tree under a directory, as a build context needs it.
 *
 * @param path       relative to the directory walked, with {@code /} separators
 * @param size       bytes of a file; 0 otherwise
 * @param linkTarget where a symlink points (as stored in git); null otherwise
 * @param content    opens a file's bytes; valid only while the entry is being visited
 */
public record TreeEntry(String path, Kind kind, long size, String linkTarget, Content content) {

    /** What git stores at a path. */
    public enum Kind { FILE, EXECUTABLE, SYMLINK, SUBMODULE }

    /** Opens the bytes of a file entry. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** Receives the entries of a tree walk in path order. */
    @FunctionalInterface
    public interface Visitor {
        void visit(TreeEntry entry) throws IOException;
    }
}
