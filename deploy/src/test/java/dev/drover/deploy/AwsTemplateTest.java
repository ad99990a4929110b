package dev.drover.deploy;

import static dev.drover.deploy.CloudFormationTemplate.list;
import static dev.drover.deploy.CloudFormationTemplate.map;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/aws/drover.yaml holds together: known types, references that resolve, the pools and queues. */
class AwsTemplateTest {
    /** The resource types the template may use, each with the attributes {@code Fn::GetAtt} may read. */
    static final Map<String, Set<String>> TYPES = Map.ofEntries(
            entry("AWS::ECR::Repository", Set.of("Arn", "RepositoryUri")),
            entry("AWS::EC2::SecurityGroup", Set.of("GroupId", "VpcId")),
            entry("AWS::IAM::Role", Set.of("Arn", "RoleId")),
            entry("AWS::IAM::InstanceProfile", Set.of("Arn")),
            entry("AWS::Batch::ComputeEnvironment", Set.of("ComputeEnvironmentArn")),
            entry("AWS::Batch::JobQueue", Set.of("JobQueueArn")),
            entry("AWS::Logs::LogGroup", Set.of("Arn")),
            entry("AWS::ECS::Cluster", Set.of("Arn")),
            entry("AWS::ECS::TaskDefinition", Set.of("TaskDefinitionArn")),
            entry("AWS::ECS::Service", Set.of("Name", "ServiceArn")));
    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    /** A pool: its compute environment and queue, by logical id and name. */
    record Pool(String environmentId, String queueId, String name, String capacity, String instanceTypes,
                String defaultType) {
    }

    static final List<Pool> POOLS = List.of(
            new Pool("GpuSpotEnvironment", "GpuSpotQueue", "drover-gpu-spot", "SPOT", "GpuInstanceTypes", "g5.xlarge"),
            new Pool("CpuSpotEnvironment", "CpuSpotQueue", "drover-cpu-spot", "SPOT", "CpuInstanceTypes", "c6i.large"),
            new Pool("CpuOnDemandEnvironment", "CpuOnDemandQueue", "drover-cpu-ondemand", "EC2", "CpuInstanceTypes",
                    "c6i.large"));

    private static CloudFormationTemplate template;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationTemplate.load(CloudFormationTemplate.DROVER);
    }

    @Test
    void everyResourceHasAKnownType() {
        template.section("Resources").forEach((id, r) ->
                assertThat(TYPES).as(id + "'s Type").containsKey((String) map(r).get("Type")));
    }

    @Test
    void everyReferenceResolvesAndEveryParameterIsUsed() {
        References found = References.of(template.root());
        Set<String> names = new TreeSet<>(PSEUDO_PARAMETERS);
        names.addAll(template.section("Parameters").keySet());
        names.addAll(template.section("Resources").keySet());
        assertSoftly(softly -> {
            softly.assertThat(missing(found.refs(), names)).as("Ref and ${} targets that do not exist").isEmpty();
            softly.assertThat(found.getAtts().stream().filter(a -> !resolves(a)).toList())
                    .as("Fn::GetAtt of a resource or attribute that does not exist").isEmpty();
            softly.assertThat(missing(found.conditions(), template.section("Conditions").keySet()))
                    .as("conditions that do not exist").isEmpty();
            softly.assertThat(missing(found.dependsOn(), template.section("Resources").keySet()))
                    .as("DependsOn resources that do not exist").isEmpty();
            softly.assertThat(missing(template.section("Parameters").keySet(), found.refs()))
                    .as("parameters never used").isEmpty();
        });
    }

    /** Whether {@code [resource, attribute]} names a resource here and an attribute of its type. */
    private static boolean resolves(List<String> getAtt) {
        Object resource = template.section("Resources").get(getAtt.get(0));
        return resource != null
                && TYPES.getOrDefault((String) map(resource).get("Type"), Set.of()).contains(getAtt.get(1));
    }

    private static Set<String> missing(Set<String> wanted, Set<String> there) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(there);
        return missing;
    }

    @Test
    void eachPoolScalesToZeroAndHasItsQueue() {
        for (Pool pool : POOLS) {
            Map<String, Object> environment = template.properties(pool.environmentId());
            assertThat(environment).as(pool.name()).containsEntry("ComputeEnvironmentName", pool.name())
                    .containsEntry("Type", "MANAGED").doesNotContainKey("ServiceRole"); // Batch's service-linked role
            Map<String, Object> resources = map(environment.get("ComputeResources"));
            assertThat(resources).as(pool.name())
                    .containsEntry("Type", pool.capacity())
                    .containsEntry("AllocationStrategy", pool.capacity().equals("SPOT")
                            ? "SPOT_PRICE_CAPACITY_OPTIMIZED" : "BEST_FIT_PROGRESSIVE")
                    .containsEntry("MinvCpus", 0)
                    .containsEntry("InstanceTypes", Map.of("Ref", pool.instanceTypes()))
                    .containsEntry("SecurityGroupIds", List.of(Map.of("Ref", "ComputeSecurityGroup")))
                    .containsEntry("InstanceRole", Map.of("Fn::GetAtt", List.of("BatchInstanceProfile", "Arn")));
            assertThat(map(template.section("Parameters").get(pool.instanceTypes())))
                    .containsEntry("Default", pool.defaultType());

            Map<String, Object> queue = template.properties(pool.queueId());
            assertThat(queue).as(pool.queueId()).containsEntry("JobQueueName", pool.name())
                    .containsEntry("State", "ENABLED")
                    .containsEntry("ComputeEnvironmentOrder",
                            List.of(Map.of("Order", 1, "ComputeEnvironment", Map.of("Ref", pool.environmentId()))));
        }
        assertThat(template.ofType("AWS::Batch::JobQueue")).hasSize(POOLS.size());
        assertThat(template.ofType("AWS::Batch::ComputeEnvironment")).hasSize(POOLS.size());
    }

    @Test
    void theRepositoryKeepsItsTagsAndExpiresOnlyUntaggedImages() {
        Map<String, Object> repository = template.properties("Repository");
        assertThat(repository).containsEntry("RepositoryName", "drover")
                .containsEntry("ImageTagMutability", "IMMUTABLE");
        String policy = (String) map(repository.get("LifecyclePolicy")).get("LifecyclePolicyText");
        for (Object rule : list(map(CloudFormationTemplate.json(policy)).get("rules"))) {
            assertThat(map(map(rule).get("selection"))).containsEntry("tagStatus", "untagged");
        }
    }

    @Test
    void nothingMayConnectToTheBatchInstances() {
        assertThat(template.properties("ComputeSecurityGroup")).doesNotContainKey("SecurityGroupIngress");
        assertThat(template.ofType("AWS::EC2::SecurityGroupIngress")).isEmpty();
    }

    /** What a template refers to, gathered by one walk over it. */
    record References(Set<String> refs, List<List<String>> getAtts, Set<String> conditions, Set<String> dependsOn) {
        static References of(Map<String, Object> root) {
            References found = new References(new TreeSet<>(), new ArrayList<>(), new TreeSet<>(), new TreeSet<>());
            CloudFormationTemplate.walk(root, node -> {
                if (node instanceof Map<?, ?> m) {
                    found.visit(m);
                }
            });
            map(root.get("Resources")).values().forEach(r -> {
                Map<String, Object> resource = map(r);
                list(resource.get("DependsOn")).forEach(d -> found.dependsOn().add((String) d));
                if (resource.get("Condition") instanceof String c) {
                    found.conditions().add(c);
                }
            });
            return found;
        }

        private void visit(Map<?, ?> node) {
            if (node.get("Ref") instanceof String target) {
                refs.add(target);
            }
            if (node.containsKey("Fn::GetAtt")) {
                getAtts.add(list(node.get("Fn::GetAtt")).stream().map(String::valueOf).toList());
            }
            if (node.containsKey("Fn::If")) {
                conditions.add((String) list(node.get("Fn::If")).get(0));
            }
            if (node.size() == 1 && node.get("Condition") instanceof String c) {
                conditions.add(c);
            }
            if (node.containsKey("Fn::Sub")) {
                List<Object> sub = list(node.get("Fn::Sub"));
                Set<String> local = sub.size() > 1 ? map(sub.get(1)).keySet() : Set.of();
                Matcher m = SUB_VARIABLE.matcher((String) sub.get(0));
                while (m.find()) {
                    String[] parts = m.group(1).split("\\.", 2);
                    if (parts.length == 2) {
                        getAtts.add(List.of(parts[0], parts[1]));
                    } else if (!local.contains(parts[0])) {
                        refs.add(parts[0]);
                    }
                }
            }
        }
    }
}
