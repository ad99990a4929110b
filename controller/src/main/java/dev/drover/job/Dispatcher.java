package dev.drover.job;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.Limits;
import dev.drover.fleet.Agent;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionStore;
import dev.drover.secret.SecretText;
import dev.drover.secret.Secrets;
import dev.drover.service.ServiceStore;
import dev.drover.target.Target;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands queued jobs to an agent: the ones whose tier's target the agent serves and whose GPUs it
 * has, oldest first. The revision and arm are fixed here (a retry keeps its own); secrets are
 * resolved here, for this start only, and never stored.
 */
public final class Dispatcher {
    private static final int SCAN = 500;

    private final JobStore jobs;
    private final Routes routes;
    private final RevisionStore revisions;
    private final ServiceStore services;
    private final Map<String, Target> targets;
    private final Secrets secrets;
    private final Clock clock;

    public Dispatcher(JobStore jobs, Routes routes, RevisionStore revisions, ServiceStore services, List<Target> targets,
                      Secrets secrets, Clock clock) {
        this.jobs = jobs;
        this.routes = routes;
        this.revisions = revisions;
        this.services = services;
        this.targets = new LinkedHashMap<>();
        targets.forEach(t -> this.targets.put(t.name(), t));
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Queued jobs the agent can run, at most {@code freeSlots} (what it says it has free) and never more than its
     * registered slots less the attempts the controller already counts as running on it.
     */
    public synchronized List<Assignment> assign(Agent agent, int freeSlots) {
        List<Assignment> given = new ArrayList<>();
        if (agent.draining() || freeSlots <= 0) {
            return given;
        }
        int free = Math.min(freeSlots, agent.slots() - jobs.runningCount(agent.id()));
        if (free <= 0) {
            return given;
        }
        Lookups lookups = new Lookups();
        for (Job job : jobs.queued(SCAN)) {
            if (given.size() >= free) {
                break;
            }
            Optional<Job> routed = routed(job);
            if (routed.isEmpty()) {
                continue;
            }
            tryAssign(routed.get(), agent, lookups).ifPresent(given::add);
        }
        return given;
    }

    /** What one request for work reads once, however many queued jobs it looks at. */
    private final class Lookups {
        private final Map<Long, List<Routes.LiveTier>> live = new HashMap<>();
        private Map<Long, String> serviceNames;

        Optional<Routes.LiveTier> tier(long serviceId, String tier) {
            return live.computeIfAbsent(serviceId, routes::live).stream()
                    .filter(t -> t.state().tier().equals(tier)).findFirst();
        }

        String serviceName(long serviceId) {
            if (serviceNames == null) {
                serviceNames = new HashMap<>();
                services.list().forEach(s -> serviceNames.put(s.id(), s.name()));
            }
            return serviceNames.getOrDefault(serviceId, "?");
        }
    }

    /** A queued job with a tier; jobs without one are routed again (a deploy may have come since). */
    private Optional<Job> routed(Job job) {
        if (job.tier() != null) {
            return Optional.of(job);
        }
        Routes.Route route = routes.route(job.serviceId(), job.requiresGpu());
        if (route.tier().isEmpty() && Objects.equals(route.reason(), job.reason())) {
            return Optional.empty(); // still waiting, for the same reason: nothing to write
        }
        jobs.route(job.id(), route.tier().orElse(null), route.reason());
        return route.tier().flatMap(t -> jobs.find(job.id()));
    }

    private Optional<Assignment> tryAssign(Job job, Agent agent, Lookups lookups) {
        Optional<Routes.LiveTier> tier = lookups.tier(job.serviceId(), job.tier());
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        Target target = targets.get(tier.get().definition().target());
        int gpus = tier.get().definition().gpus();
        if (target == null || !target.servedBy(agent.labels()) || gpus > agent.gpus()) {
            return Optional.empty();
        }
        Routes.Choice choice = job.revision() != null ? new Routes.Choice(job.revision(), job.arm())
                : routes.choose(job, tier.get().state());
        Optional<Revision> revision = revisions.find(job.serviceId(), choice.revision());
        if (revision.isEmpty()) {
            jobs.route(job.id(), job.tier(), "revision " + choice.revision() + " does not exist");
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>(revision.get().spec().env());
        // On AWS Batch the job definition names the secrets and Batch resolves them: never put them in a submission.
        if (!target.batch() && !resolveSecrets(job, revision.get(), env)) {
            return Optional.empty();
        }
        Optional<Attempt> attempt = jobs.claim(job, agent.id(), choice.revision(), choice.arm(), clock.instant());
        return attempt.map(a -> assignment(job, a, revision.get(), env, gpus, lookups.serviceName(job.serviceId())));
    }

    /** Puts the revision's secrets into {@code env}, for this start only; false (and the job waits, saying why) when one is missing. */
    private boolean resolveSecrets(Job job, Revision revision, Map<String, String> env) {
        for (Map.Entry<String, String> ref : revision.spec().secrets().entrySet()) {
            Optional<SecretText> value = secrets.resolve(ref.getValue());
            if (value.isEmpty()) {
                jobs.route(job.id(), job.tier(), "secret '" + ref.getValue() + "' (for " + ref.getKey()
                        + ") is missing on the controller");
                return false;
            }
            env.put(ref.getKey(), value.get().value());
        }
        return true;
    }

    private Assignment assignment(Job job, Attempt attempt, Revision revision, Map<String, String> env, int gpus,
                                  String service) {
        env.putAll(job.params());
        env.put("DROVER_JOB_ID", job.id());
        env.put("DROVER_ATTEMPT", Integer.toString(attempt.number()));
        env.put("DROVER_TIER", attempt.tier());
        env.put("DROVER_REVISION", Integer.toString(attempt.revision()));
        var spec = revision.spec();
        return new Assignment(attempt.id(), job.id(), attempt.number(), service, attempt.tier(), attempt.revision(),
                attempt.arm().wireName(), revision.imageRef(), spec.command(), env,
                new Limits(spec.vcpus(), spec.memoryBytes(), spec.shmBytes(), gpus, spec.timeoutSeconds(), spec.network()));
    }
}
