package dev.drover.deploy;

import static dev.drover.deploy.CloudFormationTemplate.list;
import static dev.drover.deploy.CloudFormationTemplate.map;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller's IAM role allows exactly what its code calls on AWS: the SDK calls read from the
 * sources ({@link ControllerAwsCalls}), and the few actions AWS checks that are no SDK call of Drover's.
 */
class ControllerPolicyTest {
    /** Actions the controller needs that are no SDK call in its code, each with why. */
    static final Map<String, String> NOT_SDK_CALLS = Map.ofEntries(
            entry("ecr:BatchCheckLayerAvailability", "docker push (registry API): which layers ECR already has"),
            entry("ecr:InitiateLayerUpload", "docker push: starts uploading a layer"),
            entry("ecr:UploadLayerPart", "docker push: a layer's bytes"),
            entry("ecr:CompleteLayerUpload", "docker push: ends a layer's upload"),
            entry("ecr:PutImage", "docker push: the manifest, under the commit's tag"),
            entry("ecr:BatchGetImage", "the tag lookup before each push (RegistryPush.pushed reads the manifest)"),
            entry("batch:TagResource", "SubmitJob and RegisterJobDefinition carry drover:* tags: tagging on create"),
            entry("iam:PassRole", "RegisterJobDefinition names the target's job and execution roles"));
    // Not here: secretsmanager:GetSecretValue on the database secret. ECS reads it to start the task,
    // with the task's execution role (ControllerExecutionRole); the controller's code never calls it.

    /** Actions with no resource-level permissions in IAM: the only ones a statement may grant on "*". */
    static final Set<String> ANY_RESOURCE_ONLY = Set.of(
            "ecr:GetAuthorizationToken",          // a login to the account's registry, no repository
            "ec2:DescribeSpotPriceHistory",       // EC2's Describe* calls take no resource
            "batch:DescribeJobDefinitions",       // Batch's Describe* and List* calls take no resource
            "batch:DescribeJobs",
            "batch:ListJobs",
            "batch:DescribeJobQueues",
            "batch:DescribeComputeEnvironments");

    private static CloudFormationTemplate template;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationTemplate.load(CloudFormationTemplate.DROVER);
    }

    @Test
    void theControllerRoleAllowsEveryActionItsCodeCallsAndNothingElse() {
        Set<String> needed = new TreeSet<>(ControllerAwsCalls.actions(ControllerAwsCalls.SOURCES));
        needed.addAll(NOT_SDK_CALLS.keySet());
        Set<String> allowed = allowedActions("ControllerRole");

        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(allowed);
        Set<String> extra = new TreeSet<>(allowed);
        extra.removeAll(needed);
        assertSoftly(softly -> {
            softly.assertThat(missing).as("actions the controller's code needs that ControllerRole does not allow")
                    .isEmpty();
            softly.assertThat(extra).as("actions ControllerRole allows that the controller's code never needs")
                    .isEmpty();
        });
    }

    @Test
    void theCallsAreReadFromEveryServiceTheCodeUses() {
        Set<String> clientPackages = ControllerAwsCalls.CLIENTS.values().stream()
                .map(c -> c.getPackageName().substring(c.getPackageName().lastIndexOf('.') + 1))
                .collect(Collectors.toSet());
        assertThat(ControllerAwsCalls.servicesImported(ControllerAwsCalls.SOURCES))
                .as("AWS services the controller imports: one not in ControllerAwsCalls.CLIENTS goes unchecked")
                .isEqualTo(new TreeSet<>(clientPackages));
        Set<String> prefixes = ControllerAwsCalls.actions(ControllerAwsCalls.SOURCES).stream()
                .map(a -> a.substring(0, a.indexOf(':'))).collect(Collectors.toSet());
        assertThat(prefixes).as("each client is seen called").isEqualTo(ControllerAwsCalls.CLIENTS.keySet());
    }

    @Test
    void noRoleGrantsAWildcardActionOrAnyResourceBeyondTheListed() {
        for (String role : template.ofType("AWS::IAM::Role").keySet()) {
            for (Map<String, Object> statement : template.statements(role)) {
                assertThat(statement).as(role + ": Allow statements with Action and Resource only")
                        .doesNotContainKeys("NotAction", "NotResource").containsEntry("Effect", "Allow");
                List<String> actions = strings(statement.get("Action"));
                assertThat(actions).as(role + ": actions").noneMatch(a -> a.contains("*"));
                if (list(statement.get("Resource")).contains("*")) {
                    assertThat(actions).as(role + ": actions on Resource \"*\" (only those in ANY_RESOURCE_ONLY)")
                            .isSubsetOf(ANY_RESOURCE_ONLY);
                }
            }
        }
    }

    @Test
    void theControllerPassesOnlyTheJobsRolesAndOnlyToBatch() {
        Map<String, Object> pass = template.statements("ControllerRole").stream()
                .filter(s -> strings(s.get("Action")).contains("iam:PassRole")).findFirst().orElseThrow();
        assertThat(strings(pass.get("Action"))).containsExactly("iam:PassRole");
        assertThat(pass.get("Resource")).isEqualTo(List.of(Map.of("Fn::GetAtt", List.of("JobRole", "Arn")),
                Map.of("Fn::GetAtt", List.of("JobExecutionRole", "Arn"))));
        Object services = map(map(pass.get("Condition")).get("StringEquals")).get("iam:PassedToService");
        assertThat(strings(services)).isNotEmpty()
                .isSubsetOf("batch.amazonaws.com", "ecs-tasks.amazonaws.com");
    }

    @Test
    void theControllerRoleHasItsInlinePolicyAlone() {
        assertThat(template.properties("ControllerRole"))
                .doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
        assertThat(template.ofType("AWS::IAM::Policy")).isEmpty();
        assertThat(template.ofType("AWS::IAM::ManagedPolicy")).isEmpty();
    }

    private static Set<String> allowedActions(String role) {
        return template.statements(role).stream().flatMap(s -> strings(s.get("Action")).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }
}
