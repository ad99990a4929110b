package dev.drover.git;

import dev.drover.commit.MirrorException;
import dev.drover.commit.TreeEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Walks a commit's tree below a directory, entry by entry, reading blobs only when asked. */
final class JGitTrees {
    private JGitTrees() {
    }

    static void walk(Repository repo, String sha, String dir, TreeEntry.Visitor visitor) throws IOException {
        String prefix = dir == null || dir.isEmpty() || dir.equals(".") ? "" : dir.replaceAll("/+$", "") + "/";
        try (RevWalk revs = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
             TreeWalk tree = new TreeWalk(repo, reader)) {
            RevCommit commit = revs.parseCommit(ObjectId.fromString(sha));
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!prefix.isEmpty()) {
                tree.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
            }
            boolean any = false;
            while (tree.next()) {
                any = true;
                visitor.visit(entry(reader, tree, tree.getPathString().substring(prefix.length())));
            }
            if (!any && !prefix.isEmpty()) {
                throw new MirrorException("directory '" + dir + "' does not exist (or is empty) at " + sha, null);
            }
        }
    }

    private static TreeEntry entry(ObjectReader reader, TreeWalk tree, String path) throws IOException {
        FileMode mode = tree.getFileMode(0);
        ObjectId id = tree.getObjectId(0);
        if (mode == FileMode.GITLINK) {
            return new TreeEntry(path, TreeEntry.Kind.SUBMODULE, 0, null, null);
        }
        if (mode == FileMode.SYMLINK) {
            String target = new String(reader.open(id, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
            return new TreeEntry(path, TreeEntry.Kind.SYMLINK, 0, target, null);
        }
        TreeEntry.Kind kind = mode == FileMode.EXECUTABLE_FILE ? TreeEntry.Kind.EXECUTABLE : TreeEntry.Kind.FILE;
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        return new TreeEntry(path, kind, size, null, () -> reader.open(id, Constants.OBJ_BLOB).openStream());
    }
}
