package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.target.Capacity;
import dev.drover.target.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check: a missing queue or compute environment, or a denied call, is named with what to fix. */
class BatchCheckTest {
    private static BatchTarget target(String name, String queue, List<String> environments) {
        return new BatchTarget(new Target(name, "aws-batch", Capacity.SPOT, 0, null, null, BigDecimal.ONE, Map.of()), queue,
                environments, null, null, 10);
    }

    @Test
    void missingQueuesAndComputeEnvironmentsAreNamedWithTheSettingToFix() {
        try (FakeBatch batch = new FakeBatch(1);
             AwsClients clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, batch.endpoint()), FakeAws.CREDENTIALS);
             var client = clients.batch()) {
            assertThat(BatchCheck.problems(client, FakeBatch.REGION, List.of(target("gpu-spot", "drover-gpu", List.of("gpu-ce")))))
                    .isEmpty();
            assertThat(BatchCheck.problems(client, FakeBatch.REGION, List.of(
                    target("gpu-spot", "missing-gpu", List.of()), target("cpu-spot", "drover-cpu", List.of("missing-ce")))))
                    .containsExactly(
                            "target gpu-spot: job queue 'missing-gpu' does not exist in us-east-1: create it (deploy/aws) "
                                    + "or fix drover.targets.gpu-spot.job-queue",
                            "target cpu-spot: compute environment 'missing-ce' does not exist in us-east-1: create it "
                                    + "(deploy/aws) or fix drover.targets.cpu-spot.compute-environments");
        }
    }

    @Test
    void aDeniedCallNamesThePermissionsTheRoleNeeds() {
        try (FakeAws aws = new FakeAws().handler(r -> FakeAws.Reply.error(403, "application/json", "AccessDeniedException",
                "User: arn:aws:sts::1:assumed-role/drover is not authorized to perform: batch:DescribeJobQueues"));
             AwsClients clients = new AwsClients(FakeBatch.REGION, Map.of(AwsClients.BATCH, aws.endpoint()), FakeAws.CREDENTIALS);
             var client = clients.batch()) {
            assertThat(BatchCheck.problems(client, FakeBatch.REGION, List.of(target("gpu-spot", "drover-gpu", List.of()))))
                    .singleElement().asString().contains("AccessDeniedException").contains("not authorized")
                    .contains("needs batch:DescribeJobQueues and batch:DescribeComputeEnvironments");
        }
    }
}
