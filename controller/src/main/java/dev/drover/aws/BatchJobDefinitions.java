package dev.drover.aws;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.ContainerProperties;
import software.amazon.awssdk.services.batch.model.EvaluateOnExit;
import software.amazon.awssdk.services.batch.model.JobDefinition;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobTimeout;
import software.amazon.awssdk.services.batch.model.KeyValuePair;
import software.amazon.awssdk.services.batch.model.LinuxParameters;
import software.amazon.awssdk.services.batch.model.RegisterJobDefinitionRequest;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.batch.model.RetryAction;
import software.amazon.awssdk.services.batch.model.RetryStrategy;
import software.amazon.awssdk.services.batch.model.Secret;

/**
 * The job definitions of a service's revisions on AWS Batch (names in {@link BatchNames}). A stable
 * name's latest active revision is kept equal to the tier's stable revision: when the tier's stable
 * changes (a promotion, a rollback) the next job for it registers that revision again under the stable
 * name. Each definition carries the Drover revision in its tags, so a restarted controller finds them.
 * Stable names' definitions are never deregistered: those a rollback may need must stay. Under the
 * candidates' name only the newest {@code retain} revisions are kept (and any revision still live on a
 * tier); older ones are deregistered, and registered again should a pinned job ask for one.
 */
public final class BatchJobDefinitions {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJobDefinitions.class);
    static final String REVISION_TAG = "drover:revision";
    private static final long MIB = 1L << 20;

    private final BatchClient batch;
    /** ARN by definition name and Drover revision. */
    private final Map<String, Map<Integer, String>> arns = new HashMap<>();
    /** The Drover revision of each name's latest active definition. */
    private final Map<String, Integer> latest = new HashMap<>();
    private final Set<String> loaded = new HashSet<>();

    public BatchJobDefinitions(BatchClient batch) {
        this.batch = batch;
    }

    /**
     * The ARN to submit a job of {@code revision} on {@code tier} with: under the stable name when the
     * revision is the tier's stable one (registered again if it is not the name's latest), else under
     * the candidates' name.
     */
    public synchronized String arnFor(String service, String tier, Revision revision, boolean stable, BatchTarget target) {
        String name = stable ? BatchNames.stable(service, tier) : BatchNames.candidates(service, tier);
        load(name);
        String known = arns.getOrDefault(name, Map.of()).get(revision.number());
        if (known != null && (!stable || Integer.valueOf(revision.number()).equals(latest.get(name)))) {
            return known;
        }
        return register(name, service, tier, revision, target);
    }

    private void load(String name) {
        if (!loaded.add(name)) {
            return;
        }
        List<JobDefinition> found = new ArrayList<>();
        batch.describeJobDefinitionsPaginator(b -> b.jobDefinitionName(name).status("ACTIVE"))
                .forEach(page -> found.addAll(page.jobDefinitions()));
        found.sort((a, b) -> Integer.compare(a.revision(), b.revision()));
        for (JobDefinition d : found) {
            String tag = d.tags().get(REVISION_TAG);
            if (tag != null && tag.matches("\\d+")) {
                arns.computeIfAbsent(name, n -> new HashMap<>()).put(Integer.parseInt(tag), d.jobDefinitionArn());
                latest.put(name, Integer.parseInt(tag));
            }
        }
    }

    /**
     * Deregisters the tier's candidate definitions of revisions older than the newest {@code retain}, except
     * {@code live} ones (the tier's candidate and stable); how many.
     */
    public synchronized int pruneCandidates(String service, String tier, Set<Integer> live, int retain) {
        String name = BatchNames.candidates(service, tier);
        load(name);
        Map<Integer, String> known = arns.getOrDefault(name, Map.of());
        List<Integer> newestFirst = known.keySet().stream().sorted(Comparator.reverseOrder()).toList();
        int removed = 0;
        for (Integer revision : newestFirst.subList(Math.min(retain, newestFirst.size()), newestFirst.size())) {
            if (!live.contains(revision)) {
                String arn = known.get(revision);
                batch.deregisterJobDefinition(b -> b.jobDefinition(arn));
                arns.get(name).remove(revision);
                removed++;
            }
        }
        return removed;
    }

    private String register(String name, String service, String tier, Revision revision, BatchTarget target) {
        String arn = batch.registerJobDefinition(definition(name, service, tier, revision, target)).jobDefinitionArn();
        arns.computeIfAbsent(name, n -> new HashMap<>()).put(revision.number(), arn);
        latest.put(name, revision.number());
        return arn;
    }

    static RegisterJobDefinitionRequest definition(String name, String service, String tier, Revision revision,
                                                   BatchTarget target) {
        RevisionSpec spec = revision.spec();
        int gpus = spec.tier(tier).map(RevisionSpec.Tier::gpus).orElse(0);
        List<ResourceRequirement> resources = new ArrayList<>(List.of(
                resource(ResourceType.VCPU, BigDecimal.valueOf(spec.vcpus()).stripTrailingZeros().toPlainString()),
                resource(ResourceType.MEMORY, Long.toString(Math.max(1, (spec.memoryBytes() + MIB - 1) / MIB)))));
        if (gpus > 0) {
            resources.add(resource(ResourceType.GPU, Integer.toString(gpus)));
        }
        ContainerProperties.Builder container = ContainerProperties.builder()
                .image(revision.imageRef())
                .command(spec.command())
                .resourceRequirements(resources)
                .linuxParameters(LinuxParameters.builder().sharedMemorySize((int) Math.max(1, spec.shmBytes() / MIB)).build())
                .environment(spec.env().entrySet().stream()
                        .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .secrets(spec.secrets().entrySet().stream()
                        .map(e -> Secret.builder().name(e.getKey()).valueFrom(e.getValue()).build()).toList());
        if (target.jobRoleArn() != null && !target.jobRoleArn().isBlank()) {
            container.jobRoleArn(target.jobRoleArn());
        }
        if (target.executionRoleArn() != null && !target.executionRoleArn().isBlank()) {
            container.executionRoleArn(target.executionRoleArn());
        } else if (!spec.secrets().isEmpty()) {
            LOG.warn("{} revision {} has secrets but target {} has no execution role: ECS needs one to read them "
                    + "(set drover.targets.{}.execution-role-arn), or the jobs fail to start", name, revision.number(),
                    target.name(), target.name());
        }
        return RegisterJobDefinitionRequest.builder()
                .jobDefinitionName(name)
                .type(JobDefinitionType.CONTAINER)
                .containerProperties(container.build())
                .timeout(JobTimeout.builder().attemptDurationSeconds((int) Math.max(60, spec.timeoutSeconds())).build())
                .retryStrategy(RetryStrategy.builder()
                        .attempts(Math.max(1, Math.min(10, spec.infraRetries() + 1)))
                        .evaluateOnExit(
                                EvaluateOnExit.builder().onStatusReason(BatchOutcomes.HOST_TERMINATED_PATTERN)
                                        .action(RetryAction.RETRY).build(),
                                EvaluateOnExit.builder().onReason("*").action(RetryAction.EXIT).build())
                        .build())
                .tags(Map.of("drover:service", service, "drover:tier", tier, REVISION_TAG,
                        Integer.toString(revision.number())))
                .propagateTags(true)
                .build();
    }

    private static ResourceRequirement resource(ResourceType type, String value) {
        return ResourceRequirement.builder().type(type).value(value).build();
    }
}
