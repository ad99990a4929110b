package dev.drover.build;

import dev.drover.commit.Commit;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what builds next: one build at a time per service, at most {@code concurrency} at once.
 * A service's next build is the commit a person asked for, else its newest queued commit; the
 * older queued ones are recorded as batched into it.
 */
public final class BuildQueue {
    private static final Logger LOG = LoggerFactory.getLogger(BuildQueue.class);

    private final ServiceStore services;
    private final CommitStore commits;
    private final BuildStore builds;
    private final BuildRunner runner;
    private final ExecutorService workers;
    private final int concurrency;
    private final Clock clock;
    private final Set<Long> building = ConcurrentHashMap.newKeySet();

    public BuildQueue(ServiceStore services, CommitStore commits, BuildStore builds, BuildRunner runner,
                      ExecutorService workers, int concurrency, Clock clock) {
        this.services = services;
        this.commits = commits;
        this.builds = builds;
        this.runner = runner;
        this.workers = workers;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /** After a restart: builds that were running when the controller stopped failed; their commits wait again. */
    public void recover() {
        for (Build build : builds.unfinished()) {
            builds.finish(build.id(), BuildStatus.FAILED, null, "the controller stopped during the build; it is queued again",
                    clock.instant());
        }
        for (CommitStatus status : List.of(CommitStatus.BUILDING, CommitStatus.TESTING)) {
            for (Commit commit : commits.withStatus(status)) {
                commits.setStatus(commit.id(), CommitStatus.QUEUED, "queued again after a controller restart",
                        commit.requested(), clock.instant());
            }
        }
    }

    /** One pass over the services: starts what may start now; returns the builds it started. */
    public synchronized List<Future<Build>> tick() {
        List<Future<Build>> started = new ArrayList<>();
        for (Service service : services.list()) {
            if (building.size() >= concurrency) {
                break;
            }
            if (building.contains(service.id())) {
                continue;
            }
            next(service).ifPresent(commit -> {
                building.add(service.id());
                started.add(workers.submit(() -> {
                    try {
                        return runner.run(service, commit);
                    } finally {
                        building.remove(service.id());
                    }
                }));
            });
        }
        return started;
    }

    Optional<Commit> next(Service service) {
        List<Commit> queued = commits.withStatus(service.id(), CommitStatus.QUEUED);
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        Optional<Commit> requested = queued.stream().filter(Commit::requested).findFirst();
        if (requested.isPresent()) {
            return requested;
        }
        Commit newest = queued.get(0);
        for (Commit older : queued.subList(1, queued.size())) {
            commits.setStatus(older.id(), CommitStatus.BATCHED, "batched into " + newest.sha(), false, clock.instant());
            LOG.info("commit batched: service={} sha={} into={}", service.name(), older.sha(), newest.sha());
        }
        return Optional.of(newest);
    }

    /** Queues a commit to be built even though newer ones exist (e.g. to bisect); false if it cannot be built. */
    public boolean request(Service service, String sha) {
        Optional<Commit> commit = commits.find(service.id(), sha);
        if (commit.isEmpty()) {
            return false;
        }
        CommitStatus status = commit.get().status();
        if (status == CommitStatus.INVALID || status == CommitStatus.BUILDING || status == CommitStatus.TESTING) {
            throw new IllegalArgumentException("commit " + sha + " is " + status.wireName() + ": it cannot be built now");
        }
        commits.setStatus(commit.get().id(), CommitStatus.QUEUED, "requested", true, clock.instant());
        return true;
    }
}
