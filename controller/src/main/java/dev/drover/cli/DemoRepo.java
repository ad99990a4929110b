package dev.drover.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The demo worker's repository as {@code deploy/demo/setup.sh} leaves it: a working copy under
 * {@code <state>/demo/work} whose {@code main} is pushed to the bare {@code <state>/demo/origin.git}
 * the demo service follows. The story's commits are made here and pushed there, as a developer would.
 */
final class DemoRepo {
    static final String WORKER = "worker/work.sh";

    private final Path work;
    private final Path origin;

    DemoRepo(Path state) {
        this.work = state.resolve("demo").resolve("work");
        this.origin = state.resolve("demo").resolve("origin.git");
        if (!Files.isDirectory(work.resolve(".git")) || !Files.isDirectory(origin)) {
            throw new CliFailure(ExitCodes.FAILURE, "no demo repository under " + state.resolve("demo")
                    + ": run deploy/demo/setup.sh " + state + " first (./drover up does)");
        }
    }

    Path origin() {
        return origin;
    }

    /** The commits on main, oldest first. */
    List<RevCommit> commits() {
        try (Git git = Git.open(work.toFile())) {
            List<RevCommit> all = new ArrayList<>();
            git.log().call().forEach(all::add);
            Collections.reverse(all);
            return all;
        } catch (IOException | GitAPIException e) {
            throw new CliFailure(ExitCodes.FAILURE, "cannot read the demo repository " + work + ": " + e.getMessage());
        }
    }

    /**
     * Replaces {@code from} by {@code to} in the worker, commits it as {@code author} and pushes main to
     * the origin; returns the new commit.
     */
    RevCommit change(String from, String to, String message, PersonIdent author) {
        Path file = work.resolve(WORKER);
        try (Git git = Git.open(work.toFile())) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new CliFailure(ExitCodes.FAILURE, WORKER + " in " + work + " has no line '" + from
                        + "' to change; remove " + work.getParent() + " and run ./drover up again");
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
            git.add().addFilepattern(WORKER).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor(author).setCommitter(author).call();
            git.push().setRemote(origin.toUri().toString()).setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main"))
                    .call();
            return commit;
        } catch (IOException | GitAPIException e) {
            throw new CliFailure(ExitCodes.FAILURE, "cannot commit to the demo repository " + work + ": " + e.getMessage());
        }
    }
}
