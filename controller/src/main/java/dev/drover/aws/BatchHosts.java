package dev.drover.aws;

import dev.drover.job.Host;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Resource;

/**
 * Where AWS Batch ran a job: the ECS container instance named in each of the job's attempts, read with
 * {@code DescribeContainerInstances} (100 at a time, per cluster), gives the instance type and zone
 * (the {@code ecs.instance-type} and {@code ecs.availability-zone} attributes) and the size it offers
 * to jobs (its registered CPU units, memory in MiB and GPUs).
 *
 * <p>A container instance never changes type or zone, so what was read is kept (the newest
 * {@value #REMEMBERED}). One ECS no longer knows (a host long gone) is unknown, and so is one in the
 * old ARN format that does not name its cluster. When ECS cannot be read, the hosts are unknown for
 * this time and asked again next time; the job's cost then falls back to the target's instance type.
 */
public final class BatchHosts implements AutoCloseable {
    static final int DESCRIBE_LIMIT = 100;
    static final int REMEMBERED = 10_000;
    static final String INSTANCE_TYPE = "ecs.instance-type";
    static final String ZONE = "ecs.availability-zone";
    private static final Logger LOG = LoggerFactory.getLogger(BatchHosts.class);
    private static final double CPU_UNITS_PER_VCPU = 1024;
    private static final long MIB = 1024L * 1024;

    private final EcsClient ecs;
    private final Map<String, Host> known = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Host> eldest) {
            return size() > REMEMBERED;
        }
    });

    public BatchHosts(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** The hosts of these container instances, by ARN; every ARN asked for is in the answer. */
    public Map<String, Host> describe(Collection<String> containerInstanceArns) {
        Map<String, Host> hosts = new HashMap<>();
        Map<String, List<String>> askByCluster = new LinkedHashMap<>();
        for (String arn : containerInstanceArns) {
            Host host = known.get(arn);
            if (host != null) {
                hosts.put(arn, host);
                continue;
            }
            Optional<String> cluster = cluster(arn);
            if (cluster.isEmpty()) {
                hosts.put(arn, Host.UNKNOWN);
            } else {
                List<String> ask = askByCluster.computeIfAbsent(cluster.get(), c -> new ArrayList<>());
                if (!ask.contains(arn)) {
                    ask.add(arn);
                }
            }
        }
        askByCluster.forEach((cluster, arns) -> {
            for (int from = 0; from < arns.size(); from += DESCRIBE_LIMIT) {
                List<String> chunk = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_LIMIT));
                hosts.putAll(read(cluster, chunk));
            }
        });
        return hosts;
    }

    private Map<String, Host> read(String cluster, List<String> arns) {
        Map<String, Host> read = new HashMap<>();
        try {
            var answer = ecs.describeContainerInstances(b -> b.cluster(cluster).containerInstances(arns));
            for (ContainerInstance instance : answer.containerInstances()) {
                Host host = host(instance);
                known.put(instance.containerInstanceArn(), host);
                read.put(instance.containerInstanceArn(), host);
            }
            for (Failure failure : answer.failures()) {
                if (failure.arn() != null) {
                    known.put(failure.arn(), Host.UNKNOWN);
                }
            }
        } catch (SdkException e) {
            LOG.warn("Could not read {} container instance(s) of ECS cluster {} (where AWS Batch ran jobs): {}; "
                    + "their cost uses the target's instance type", arns.size(), cluster, e.getMessage());
        }
        arns.forEach(arn -> read.putIfAbsent(arn, Host.UNKNOWN));
        return read;
    }

    static Host host(ContainerInstance instance) {
        String type = null;
        String zone = null;
        for (Attribute attribute : instance.attributes()) {
            if (INSTANCE_TYPE.equals(attribute.name())) {
                type = attribute.value();
            } else if (ZONE.equals(attribute.name())) {
                zone = attribute.value();
            }
        }
        double vcpus = 0;
        long memory = 0;
        int gpus = 0;
        for (Resource resource : instance.registeredResources()) {
            switch (resource.name()) {
                case "CPU" -> vcpus = resource.integerValue() == null ? 0 : resource.integerValue() / CPU_UNITS_PER_VCPU;
                case "MEMORY" -> memory = resource.integerValue() == null ? 0 : resource.integerValue() * MIB;
                case "GPU" -> gpus = resource.stringSetValue().size();
                default -> { }
            }
        }
        return new Host(type, zone, vcpus, memory, gpus);
    }

    /**
     * The cluster a container instance belongs to, from its ARN:
     * {@code arn:aws:ecs:REGION:ACCOUNT:container-instance/CLUSTER/ID}. The old format
     * ({@code container-instance/ID}) does not name it.
     */
    static Optional<String> cluster(String containerInstanceArn) {
        int at = containerInstanceArn.indexOf(":container-instance/");
        if (at < 0) {
            return Optional.empty();
        }
        String[] path = containerInstanceArn.substring(at + ":container-instance/".length()).split("/");
        return path.length == 2 && !path[0].isBlank() ? Optional.of(path[0]) : Optional.empty();
    }

    @Override
    public void close() {
        ecs.close();
    }
}
