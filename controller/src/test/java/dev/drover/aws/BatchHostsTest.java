package dev.drover.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.job.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Container instances are read from ECS per cluster, 100 at a time, and kept; what ECS cannot say is unknown. */
class BatchHostsTest {
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:container-instance/";
    private final ObjectMapper json = new ObjectMapper();
    private final FakeAws ecs = new FakeAws();
    private final AwsClients clients = new AwsClients("us-east-1", Map.of(AwsClients.ECS, ecs.endpoint()), FakeAws.CREDENTIALS);
    private final BatchHosts hosts = new BatchHosts(clients.ecs());
    private final AtomicBoolean down = new AtomicBoolean();

    @AfterEach
    void close() {
        hosts.close();
        clients.close();
        ecs.close();
    }

    /** ECS knows every instance whose id starts with "g" (a g5.xlarge in us-east-1b); the others are MISSING. */
    private FakeAws.Reply answer(FakeAws.Request request) {
        if (down.get()) {
            return FakeAws.Reply.error(400, "application/x-amz-json-1.1", "AccessDeniedException", "not allowed");
        }
        try {
            JsonNode body = json.readTree(request.body());
            ObjectNode out = json.createObjectNode();
            ArrayNode found = out.putArray("containerInstances");
            ArrayNode failures = out.putArray("failures");
            for (JsonNode arn : body.path("containerInstances")) {
                if (arn.asText().substring(arn.asText().lastIndexOf('/') + 1).startsWith("g")) {
                    ObjectNode ci = found.addObject().put("containerInstanceArn", arn.asText());
                    ci.putArray("attributes").add(json.createObjectNode().put("name", "ecs.instance-type").put("value", "g5.xlarge"))
                            .add(json.createObjectNode().put("name", "ecs.availability-zone").put("value", "us-east-1b"));
                    ArrayNode resources = ci.putArray("registeredResources");
                    resources.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", 4096);
                    resources.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", 15_576);
                    resources.addObject().put("name", "GPU").put("type", "STRINGSET").putArray("stringSetValue").add("GPU-a1");
                } else {
                    failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
                }
            }
            return FakeAws.Reply.amzJson(out.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void instancesAreReadPerClusterAHundredAtATimeAndKept() throws Exception {
        ecs.handler(this::answer);
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            arns.add(PREFIX + "gpu-spot_Batch_1/g" + i);
        }
        arns.add(PREFIX + "cpu-spot_Batch_2/lost");
        arns.add(PREFIX + "oldformatid");

        Map<String, Host> read = hosts.describe(arns);

        assertThat(read).hasSize(152);
        assertThat(read.get(PREFIX + "gpu-spot_Batch_1/g7")).isEqualTo(new Host("g5.xlarge", "us-east-1b", 4, 15_576L << 20, 1));
        assertThat(read.get(PREFIX + "cpu-spot_Batch_2/lost")).isEqualTo(Host.UNKNOWN);
        assertThat(read.get(PREFIX + "oldformatid")).as("the old ARN format names no cluster").isEqualTo(Host.UNKNOWN);
        assertThat(ecs.requests()).hasSize(3).allSatisfy(r -> assertThat(r.target())
                .isEqualTo("AmazonEC2ContainerServiceV20141113.DescribeContainerInstances"));
        List<JsonNode> bodies = new ArrayList<>();
        for (FakeAws.Request r : ecs.requests()) {
            bodies.add(json.readTree(r.body()));
        }
        assertThat(bodies).extracting(b -> b.path("cluster").asText() + ":" + b.path("containerInstances").size())
                .containsExactly("gpu-spot_Batch_1:100", "gpu-spot_Batch_1:50", "cpu-spot_Batch_2:1");
        assertThat(ecs.unsigned()).isEmpty();

        hosts.describe(arns);
        assertThat(ecs.requests()).as("known and missing instances are not asked again").hasSize(3);
    }

    @Test
    void whenEcsCannotBeReadTheHostsAreUnknownAndAskedAgainNextTime() {
        ecs.handler(this::answer);
        down.set(true);
        String arn = PREFIX + "gpu-spot_Batch_1/g1";

        assertThat(hosts.describe(List.of(arn))).containsEntry(arn, Host.UNKNOWN);

        down.set(false);
        assertThat(hosts.describe(List.of(arn)).get(arn).instanceType()).isEqualTo("g5.xlarge");
    }
}
