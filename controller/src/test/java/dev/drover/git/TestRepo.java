package dev.drover.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;

/** A real bare "origin" repository on disk and a working clone that commits and pushes to it. */
public final class TestRepo implements AutoCloseable {
    private final Path origin;
    private final Git work;
    private int clock;

    private TestRepo(Path origin, Git work) {
        this.origin = origin;
        this.work = work;
    }

    public static TestRepo create(Path dir) {
        try {
            Path origin = dir.resolve("origin.git");
            Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
            Git work = Git.init().setInitialBranch("main").setDirectory(dir.resolve("work").toFile()).call();
            work.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(origin.toUri().toURL())).call();
            return new TestRepo(origin, work);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code drover.yaml} that passes the strict check, for service {@code name}. */
    public static String validSpec(String name) {
        return """
                service: %s
                job:
                  command: ["sh", "/app/work.sh"]
                tiers:
                  - { name: canary, target: cpu, weight: 10 }
                  - { name: main, target: cpu, weight: 90 }
                stages:
                  - { tiers: [canary] }
                  - { tiers: [main] }
                """.formatted(name);
    }

    public String url() {
        return origin.toUri().toString();
    }

    public Path originDir() {
        return origin;
    }

    /** Writes the files, commits them all on the current branch, returns the commit id. */
    public String commit(String message, Map<String, String> files) {
        try {
            Path root = work.getRepository().getWorkTree().toPath();
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            work.add().addFilepattern(".").call();
            return commitIndex(message);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits a submodule entry (a gitlink to {@code sha}) at {@code path}, as {@code git submodule add} would. */
    public String commitGitlink(String message, String path, String sha) {
        try {
            DirCache index = work.getRepository().lockDirCache();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.GITLINK);
                    entry.setObjectId(ObjectId.fromString(sha));
                }
            });
            editor.commit();
            return commitIndex(message);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String commitIndex(String message) throws GitAPIException {
        PersonIdent author = new PersonIdent("Ada Lovelace", "ada@example.com",
                Instant.parse("2026-11-01T10:00:00Z").plusSeconds(60L * ++clock), ZoneOffset.UTC);
        RevCommit commit = work.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
        return commit.name();
    }

    /** Commits a symlink at {@code path} pointing at {@code target}; returns the commit id. */
    public String commitSymlink(String message, String path, String target) {
        try {
            Path link = work.getRepository().getWorkTree().toPath().resolve(path);
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
            return commit(message, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String commit(String message) {
        return commit(message, Map.of("notes/" + (clock + 1) + ".txt", message));
    }

    /** Pushes the current branch to the same name on origin; {@code force} allows rewriting it. */
    public void push(boolean force) {
        try {
            String branch = work.getRepository().getBranch();
            work.push().setRemote("origin").setForce(force)
                    .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void push() {
        push(false);
    }

    public void checkoutNew(String branch) {
        try {
            work.checkout().setCreateBranch(true).setName(branch).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the current branch back to {@code sha}, dropping later commits (to rewrite history). */
    public void resetHard(String sha) {
        try {
            work.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(sha).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        work.close();
    }
}
