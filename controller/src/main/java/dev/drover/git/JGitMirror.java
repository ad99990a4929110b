package dev.drover.git;

import dev.drover.commit.FileRefused;
import dev.drover.commit.MirrorException;
import dev.drover.commit.RepositoryMirror;
import dev.drover.commit.SeenCommit;
import dev.drover.commit.TreeEntry;
import dev.drover.secret.Secrets;
import dev.drover.service.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Bare mirrors at {@code <dir>/<service>.git}; each fetch takes only the service's branch, signed in as
 * {@link FetchCredentials} picks. SSH servers must be listed in the known hosts file.
 */
public final class JGitMirror implements RepositoryMirror {
    private static final int FETCH_TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final Secrets secrets;
    private final Path knownHosts;

    /** Mirrors under {@code dir}; SSH host keys are checked against {@code <dir>/known_hosts}. */
    public JGitMirror(Path dir, Secrets secrets) {
        this(dir, secrets, dir.resolve("known_hosts"));
    }

    public JGitMirror(Path dir, Secrets secrets, Path knownHosts) {
        this.dir = dir.toAbsolutePath().normalize();
        this.secrets = secrets;
        this.knownHosts = knownHosts.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> fetch(Service service) {
        FetchCredentials credentials = FetchCredentials.pick(service, secrets, dir, knownHosts);
        try (credentials; Repository repo = open(service); Git git = Git.wrap(repo)) {
            String ref = service.branchRef();
            credentials.applyTo(git.fetch()
                            .setRemote(service.repoUrl())
                            .setRefSpecs(new RefSpec("+" + ref + ":" + ref))
                            .setTimeout(FETCH_TIMEOUT_SECONDS))
                    .call();
            Ref head = repo.exactRef(ref);
            return head == null ? Optional.empty() : Optional.of(head.getObjectId().name());
        } catch (TransportException e) {
            if (MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, service.branchRef()).equals(e.getMessage())) {
                return Optional.empty();
            }
            throw fetchFailed(service, credentials, e);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw fetchFailed(service, credentials, e);
        }
    }

    private static MirrorException fetchFailed(Service service, FetchCredentials credentials, Exception e) {
        return new MirrorException("fetching " + service.repoUrl() + " " + service.branchRef() + " failed: "
                + credentials.explain(e).orElseGet(() -> rootMessage(e)), e);
    }

    @Override
    public List<SeenCommit> commitsSince(Service service, String head, Optional<String> since, Predicate<String> known,
                                         int limit) {
        try (Repository repo = open(service); RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(ObjectId.fromString(head)));
            if (since.isPresent() && repo.getObjectDatabase().has(ObjectId.fromString(since.get()))) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(since.get())));
            }
            Deque<SeenCommit> newestFirst = new ArrayDeque<>();
            for (RevCommit commit : walk) {
                if (newestFirst.size() >= limit) {
                    break;
                }
                if (!known.test(commit.name())) {
                    newestFirst.add(toSeen(commit));
                }
            }
            List<SeenCommit> oldestFirst = new ArrayList<>(newestFirst);
            java.util.Collections.reverse(oldestFirst);
            return oldestFirst;
        } catch (IOException | RuntimeException e) {
            throw new MirrorException("reading the history of " + service.name() + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public SeenCommit commit(Service service, String sha) {
        try (Repository repo = open(service); RevWalk walk = new RevWalk(repo)) {
            return toSeen(walk.parseCommit(ObjectId.fromString(sha)));
        } catch (IOException | RuntimeException e) {
            throw new MirrorException("reading commit " + sha + " of " + service.name() + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public boolean isAncestor(Service service, String ancestor, String descendant) {
        try (Repository repo = open(service); RevWalk walk = new RevWalk(repo)) {
            ObjectId old = ObjectId.fromString(ancestor);
            if (!repo.getObjectDatabase().has(old)) {
                return false;
            }
            return walk.isMergedInto(walk.parseCommit(old), walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException | RuntimeException e) {
            throw new MirrorException("comparing commits of " + service.name() + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public Optional<String> readFile(Service service, String sha, String path) {
        try (Repository repo = open(service); RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            try (TreeWalk tree = TreeWalk.forPath(reader, path, commit.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                String at = path + " at " + sha.substring(0, 7);
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    throw new FileRefused(at + " is a submodule (a gitlink), not a file: commit the file itself");
                }
                if (mode == FileMode.TREE) {
                    throw new FileRefused(at + " is a directory, not a file");
                }
                if (mode == FileMode.SYMLINK) {
                    throw new FileRefused(at + " is a symbolic link: commit the file itself, Drover does not follow links");
                }
                long size = reader.getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (size > MAX_FILE_BYTES) {
                    throw new FileRefused(at + " is " + size + " bytes: Drover reads at most " + MAX_FILE_BYTES / 1024
                            + " KiB of it");
                }
                return Optional.of(new String(reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (MirrorException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MirrorException("reading " + path + " at " + sha + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public void walkTree(Service service, String sha, String dir, TreeEntry.Visitor visitor) {
        try (Repository repo = open(service)) {
            JGitTrees.walk(repo, sha, dir, visitor);
        } catch (IOException e) {
            throw new MirrorException("reading the tree of " + sha + ":" + dir + " failed: " + rootMessage(e), e);
        }
    }

    private Repository open(Service service) throws IOException {
        Path gitDir = dir.resolve(service.name() + ".git");
        Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        if (!repo.getObjectDatabase().exists()) {
            repo.create(true);
        }
        return repo;
    }

    private static SeenCommit toSeen(RevCommit c) {
        PersonIdent author = c.getAuthorIdent();
        List<String> parents = Arrays.stream(c.getParents()).map(RevCommit::name).toList();
        return new SeenCommit(c.name(), parents, author.getName(), author.getEmailAddress(), c.getFullMessage().strip(),
                c.getCommitterIdent().getWhenAsInstant());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
