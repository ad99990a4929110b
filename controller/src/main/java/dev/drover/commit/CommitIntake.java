package dev.drover.commit;

import dev.drover.service.Service;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a service's branch and records what is new: each commit once, checked, oldest first.
 * The first fetch of a service records only its tip (its history is not work to do). A head that
 * does not descend from the last one is recorded as a {@link HistoryRewrite}, never followed silently.
 */
public final class CommitIntake {
    /** At most this many commits are recorded by one fetch (the newest); older ones are not recorded. */
    static final int MAX_COMMITS_PER_FETCH = 500;
    static final String SPEC_FILE = "drover.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(CommitIntake.class);

    private final RepositoryMirror mirror;
    private final CommitStore commits;
    private final MirrorStateStore states;
    private final CommitCheck check;
    private final Clock clock;
    private final ConcurrentHashMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    public CommitIntake(RepositoryMirror mirror, CommitStore commits, MirrorStateStore states, CommitCheck check, Clock clock) {
        this.mirror = mirror;
        this.commits = commits;
        this.states = states;
        this.check = check;
        this.clock = clock;
    }

    /**
     * Fetches and records; one at a time per service. Throws {@link MirrorException} when the fetch or a read of
     * the repository fails; a commit whose {@code drover.yaml} Drover will not read is recorded invalid, saying why.
     */
    public SyncResult synchronize(Service service) {
        ReentrantLock lock = locks.computeIfAbsent(service.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            return synchronizeLocked(service);
        } finally {
            lock.unlock();
        }
    }

    /** Any failure of the repository is kept on the service ({@code mirror.lastError}) and thrown. */
    private SyncResult synchronizeLocked(Service service) {
        try {
            return intake(service);
        } catch (MirrorException e) {
            states.saveError(service.id(), e.getMessage(), clock.instant());
            throw e;
        }
    }

    private SyncResult intake(Service service) {
        Optional<String> tip = mirror.fetch(service);
        if (tip.isEmpty()) {
            throw new MirrorException("branch '" + service.branch() + "' does not exist in " + service.repoUrl(), null);
        }
        Optional<String> old = states.find(service.id()).map(MirrorState::headSha);
        if (old.equals(tip)) {
            states.saveHead(service.id(), tip.get(), clock.instant());
            return SyncResult.NOTHING;
        }
        Optional<HistoryRewrite> rewrite = Optional.empty();
        List<SeenCommit> fresh;
        if (old.isEmpty()) {
            fresh = commits.isRecorded(service.id(), tip.get()) ? List.of() : List.of(mirror.commit(service, tip.get()));
        } else {
            if (!mirror.isAncestor(service, old.get(), tip.get())) {
                rewrite = Optional.of(states.recordRewrite(service.id(), old.get(), tip.get(), clock.instant()));
                LOG.warn("history rewritten on {} {}: {} is no longer on the branch, head is now {}",
                        service.name(), service.branchRef(), old.get(), tip.get());
            }
            fresh = mirror.commitsSince(service, tip.get(), old, sha -> commits.isRecorded(service.id(), sha),
                    MAX_COMMITS_PER_FETCH);
        }
        List<String> recorded = new ArrayList<>();
        for (SeenCommit commit : fresh) {
            if (record(service, commit)) {
                recorded.add(commit.sha());
            }
        }
        states.saveHead(service.id(), tip.get(), clock.instant());
        return new SyncResult(recorded, rewrite);
    }

    private boolean record(Service service, SeenCommit commit) {
        Optional<String> problems;
        try {
            problems = check.problems(service, mirror.readFile(service, commit.sha(), SPEC_FILE));
        } catch (FileRefused e) {
            problems = Optional.of(e.getMessage());
        }
        CommitStatus status = problems.isPresent() ? CommitStatus.INVALID : CommitStatus.QUEUED;
        boolean fresh = commits.record(service.id(), commit, status, problems.orElse(null), clock.instant());
        if (fresh) {
            LOG.info("commit recorded: service={} sha={} status={} author={}", service.name(), commit.sha(),
                    status.wireName(), commit.authorEmail());
        }
        return fresh;
    }
}
