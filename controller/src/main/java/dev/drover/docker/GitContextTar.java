package dev.drover.docker;

import dev.drover.build.BuildFailure;
import dev.drover.build.ContextSource;
import dev.drover.commit.RepositoryMirror;
import dev.drover.commit.TreeEntry;
import dev.drover.service.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A commit's build context as a tar, straight from git objects: no checkout, {@code .dockerignore}
 * honoured, every entry with the same owner and time so unchanged files hash the same and the
 * engine's layer cache holds across commits.
 */
public final class GitContextTar implements ContextSource {
    private static final Date FIXED_TIME = new Date(946_684_800_000L); // 2000-01-01: cache keys must not change per commit

    private final RepositoryMirror mirror;

    public GitContextTar(RepositoryMirror mirror) {
        this.mirror = mirror;
    }

    @Override
    public void writeTar(Service service, String sha, String contextDir, OutputStream out, Consumer<String> notes) {
        String ignorePath = (contextDir.equals(".") ? "" : contextDir.replaceAll("/+$", "") + "/") + ".dockerignore";
        DockerIgnore ignore = mirror.readFile(service, sha, ignorePath).map(DockerIgnore::parse).orElse(DockerIgnore.none());
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            mirror.walkTree(service, sha, contextDir, entry -> add(tar, entry, ignore, notes));
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the build context of " + sha + " failed", e);
        }
    }

    private static void add(TarArchiveOutputStream tar, TreeEntry entry, DockerIgnore ignore, Consumer<String> notes)
            throws IOException {
        String path = entry.path();
        if (ignore.excludes(path) && !path.equals(".dockerignore")) {
            return;
        }
        switch (entry.kind()) {
            case SUBMODULE -> notes.accept("note: submodule " + path + " is not part of the build context\n");
            case SYMLINK -> {
                requireInside(path, entry.linkTarget());
                TarArchiveEntry link = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(entry.linkTarget());
                stamp(link, 0777);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            default -> {
                TarArchiveEntry file = new TarArchiveEntry(path);
                file.setSize(entry.size());
                stamp(file, entry.kind() == TreeEntry.Kind.EXECUTABLE ? 0755 : 0644);
                tar.putArchiveEntry(file);
                try (InputStream in = entry.content().open()) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** A symlink must point inside the context: the engine would otherwise copy what it points at from the build host. */
    static void requireInside(String path, String target) {
        if (target.startsWith("/")) {
            throw new BuildFailure("symlink " + path + " -> " + target + " is absolute: it points out of the build context;"
                    + " make it relative to a file inside the context, or copy the file in");
        }
        Path parent = Path.of(path).getParent();
        Path resolved = (parent == null ? Path.of(target) : parent.resolve(target)).normalize();
        if (resolved.startsWith("..")) {
            throw new BuildFailure("symlink " + path + " -> " + target + " points out of the build context;"
                    + " make it point inside the context, or copy the file in");
        }
    }

    private static void stamp(TarArchiveEntry entry, int mode) {
        entry.setMode((entry.isSymbolicLink() ? 0120000 : 0100000) | mode);
        entry.setModTime(FIXED_TIME);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }
}
