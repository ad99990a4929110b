package dev.drover.deploy;

import static dev.drover.deploy.CloudFormationTemplate.list;
import static dev.drover.deploy.CloudFormationTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.deploy.AwsTemplateTest.Pool;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller's own deployment in drover.yaml: one Fargate task, wired to the stack's queues and roles. */
class ControllerDeploymentTest {
    private static CloudFormationTemplate template;
    private static Map<String, Object> container;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationTemplate.load(CloudFormationTemplate.DROVER);
        container = map(list(template.properties("ControllerTaskDefinition").get("ContainerDefinitions")).get(0));
    }

    @Test
    void oneFargateTaskWithTheControllerRoleInPrivateSubnets() {
        assertThat(template.properties("ControllerTaskDefinition"))
                .containsEntry("RequiresCompatibilities", List.of("FARGATE"))
                .containsEntry("NetworkMode", "awsvpc")
                .containsEntry("TaskRoleArn", Map.of("Fn::GetAtt", List.of("ControllerRole", "Arn")))
                .containsEntry("ExecutionRoleArn", Map.of("Fn::GetAtt", List.of("ControllerExecutionRole", "Arn")));
        assertThat(container).containsEntry("Image", Map.of("Ref", "ControllerImage"))
                .containsEntry("PortMappings", List.of(Map.of("ContainerPort", 8080, "Protocol", "tcp")));
        Map<String, Object> service = template.properties("ControllerService");
        assertThat(service).containsEntry("LaunchType", "FARGATE").containsEntry("DesiredCount", 1)
                .doesNotContainKey("LoadBalancers");
        assertThat(map(map(service.get("NetworkConfiguration")).get("AwsvpcConfiguration")))
                .containsEntry("AssignPublicIp", "DISABLED").containsEntry("Subnets", Map.of("Ref", "SubnetIds"));
    }

    @Test
    void theControllerKnowsItsRegionAndReadsTheDatabaseLoginFromTheSecret() {
        Map<String, Object> environment = named("Environment", "Value");
        assertThat(environment).containsEntry("DROVER_AWS_REGION", Map.of("Ref", "AWS::Region"))
                .containsEntry("DROVER_HTTP_HOST", "0.0.0.0")
                .containsEntry("DROVER_BUILDS_REGISTRY", Map.of("Fn::GetAtt", List.of("Repository", "RepositoryUri")))
                .containsEntry("DROVER_BUILDS_REGISTRY_AUTH", "ecr");
        Map<String, Object> secrets = named("Secrets", "ValueFrom");
        assertThat(secrets).containsEntry("DROVER_DATABASE_URL", Map.of("Fn::Sub", "${DatabaseSecretArn}:url::"))
                .containsEntry("DROVER_DATABASE_USER", Map.of("Fn::Sub", "${DatabaseSecretArn}:username::"))
                .containsEntry("DROVER_DATABASE_PASSWORD", Map.of("Fn::Sub", "${DatabaseSecretArn}:password::"));
        // ECS reads the secret with the execution role, which may read that secret and no other.
        assertThat(template.statements("ControllerExecutionRole"))
                .filteredOn(s -> list(s.get("Action")).contains("secretsmanager:GetSecretValue"))
                .singleElement()
                .satisfies(s -> assertThat(s.get("Resource")).isEqualTo(Map.of("Ref", "DatabaseSecretArn")));
    }

    @Test
    void theControllersTargetsAreThisStacksQueuesAndJobRoles() {
        String json = (String) list(map(named("Environment", "Value").get("MICRONAUT_APPLICATION_JSON")).get("Fn::Sub"))
                .get(0);
        Map<String, Object> targets = map(map(map(CloudFormationTemplate.json(json)).get("drover")).get("targets"));
        assertThat(targets).hasSize(AwsTemplateTest.POOLS.size());
        for (Pool pool : AwsTemplateTest.POOLS) {
            Map<String, Object> target = map(targets.get(pool.name().substring("drover-".length())));
            assertThat(target).as(pool.name()).containsEntry("backend", "aws-batch")
                    .containsEntry("capacity", pool.capacity().equals("SPOT") ? "spot" : "on-demand")
                    .containsEntry("job-queue", pool.name())
                    .containsEntry("compute-environments", List.of(pool.name()))
                    .containsEntry("job-role-arn", "${JobRole.Arn}")
                    .containsEntry("execution-role-arn", "${JobExecutionRole.Arn}");
            assertThat(template.section("Outputs").values()).as("an output names " + pool.name())
                    .anySatisfy(o -> assertThat(map(o)).containsEntry("Value", pool.name()));
        }
    }

    @Test
    void batchJobsGetNoAwsPermissionsButTheirListedSecrets() {
        assertThat(map(template.section("Parameters").get("JobSecretArns"))).containsEntry("Default", "");
        Map<String, Object> jobRole = template.properties("JobRole");
        assertThat(jobRole).doesNotContainKey("ManagedPolicyArns");
        assertThat(list(map(jobRole.get("Policies")).get("Fn::If")))
                .as("no policy at all unless HasJobSecrets")
                .startsWith("HasJobSecrets").endsWith(Map.of("Ref", "AWS::NoValue"));
        assertThat(template.statements("JobRole")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("Action", "secretsmanager:GetSecretValue")
                .containsEntry("Resource", Map.of("Ref", "JobSecretArns")));
    }

    /** A container's list of {Name, <value key>} as a map by name; Fn::If entries taken on either side. */
    private static Map<String, Object> named(String listKey, String valueKey) {
        Map<String, Object> byName = new HashMap<>();
        for (Object item : list(container.get(listKey))) {
            List<Object> sides = map(item).containsKey("Fn::If")
                    ? list(map(item).get("Fn::If")).subList(1, 3) : List.of(item);
            for (Object side : sides) {
                Map<String, Object> entry = map(side);
                if (entry.containsKey("Name")) {
                    byName.put((String) entry.get("Name"), entry.get(valueKey));
                }
            }
        }
        return byName;
    }
}
