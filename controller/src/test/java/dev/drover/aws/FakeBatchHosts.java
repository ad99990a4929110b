package dev.drover.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts {@link FakeBatch}'s jobs run on, as AWS describes them: each run of a job lands on a new ECS
 * container instance of its queue's host type, in the type's zones in turn. ECS (JSON 1.1
 * {@code DescribeContainerInstances}, 100 at most, per cluster) describes them, and EC2 (Query/XML
 * {@code DescribeSpotPriceHistory}) answers the spot prices set with {@link #spotPrice}.
 */
public final class FakeBatchHosts implements AutoCloseable {
    private static final HostType DEFAULT = new HostType("m5.xlarge", 4, 15_576, 0, List.of("us-east-1a"));
    private final ObjectMapper json = new ObjectMapper();
    private final String region;
    private final String account;
    private final FakeAws ecs = new FakeAws();
    private final FakeAws ec2 = new FakeAws();
    private final Map<String, HostType> hostTypes = new ConcurrentHashMap<>();
    private final Map<String, String> spotPrices = new ConcurrentHashMap<>();
    /** Container instances jobs ran on, by ARN. */
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();

    /** The hosts a queue's compute environment launches. */
    public record HostType(String instanceType, int vcpus, int memoryMib, int gpus, List<String> zones) {
    }

    /** One container instance: its ARN, type and zone. */
    record Instance(String arn, HostType type, String zone) {
    }

    FakeBatchHosts(String region, String account) {
        this.region = region;
        this.account = account;
        ecs.handler(this::serveEcs);
        ec2.handler(this::serveEc2);
    }

    public String ecsEndpoint() {
        return ecs.endpoint();
    }

    public String ec2Endpoint() {
        return ec2.endpoint();
    }

    public FakeAws ecs() {
        return ecs;
    }

    public FakeAws ec2() {
        return ec2;
    }

    /** The hosts jobs on this queue run on (else an m5.xlarge in us-east-1a). */
    public void forQueue(String queue, HostType type) {
        hostTypes.put(queue, type);
    }

    /** The spot price EC2 gives for an instance type in a zone, in US dollars per hour. */
    public void spotPrice(String instanceType, String zone, String price) {
        spotPrices.put(instanceType + "@" + zone, price);
    }

    /** A new container instance for a job's {@code run}th run on {@code queue} (0 first), in the type's next zone. */
    String launch(String queue, int run) {
        HostType type = hostTypes.getOrDefault(queue, DEFAULT);
        String arn = "arn:aws:ecs:" + region + ":" + account + ":container-instance/" + queue + "_Batch_5b1c2d3e/"
                + UUID.randomUUID().toString().replace("-", "");
        instances.put(arn, new Instance(arn, type, type.zones().get(run % type.zones().size())));
        return arn;
    }

    Instance instance(String arn) {
        return instances.get(arn);
    }

    private FakeAws.Reply serveEcs(FakeAws.Request request) {
        if (!"AmazonEC2ContainerServiceV20141113.DescribeContainerInstances".equals(request.target())) {
            return FakeAws.Reply.error(400, "application/x-amz-json-1.1", "InvalidParameterException",
                    "FakeBatchHosts' ECS does not know " + request.target());
        }
        try {
            JsonNode body = json.readTree(request.body());
            String cluster = body.path("cluster").asText();
            if (body.path("containerInstances").size() > 100) {
                return FakeAws.Reply.error(400, "application/x-amz-json-1.1", "InvalidParameterException",
                        "containerInstances can have at most 100 items");
            }
            ObjectNode out = json.createObjectNode();
            ArrayNode found = out.putArray("containerInstances");
            ArrayNode failures = out.putArray("failures");
            for (JsonNode arn : body.path("containerInstances")) {
                Instance instance = instances.get(arn.asText());
                if (instance == null || !arn.asText().contains("/" + cluster + "/")) {
                    failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
                    continue;
                }
                ObjectNode ci = found.addObject().put("containerInstanceArn", instance.arn())
                        .put("ec2InstanceId", "i-0" + Integer.toHexString(instance.arn().hashCode())).put("status", "ACTIVE");
                ArrayNode attributes = ci.putArray("attributes");
                attributes.addObject().put("name", BatchHosts.INSTANCE_TYPE).put("value", instance.type().instanceType());
                attributes.addObject().put("name", BatchHosts.ZONE).put("value", instance.zone());
                attributes.addObject().put("name", "ecs.os-type").put("value", "linux");
                ArrayNode resources = ci.putArray("registeredResources");
                resources.addObject().put("name", "CPU").put("type", "INTEGER").put("integerValue", instance.type().vcpus() * 1024);
                resources.addObject().put("name", "MEMORY").put("type", "INTEGER").put("integerValue", instance.type().memoryMib());
                if (instance.type().gpus() > 0) {
                    ArrayNode ids = resources.addObject().put("name", "GPU").put("type", "STRINGSET").putArray("stringSetValue");
                    for (int g = 0; g < instance.type().gpus(); g++) {
                        ids.add("GPU-" + g);
                    }
                }
            }
            return FakeAws.Reply.amzJson(out.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** EC2's spot price history for one instance type: each zone's set price, one page. */
    private FakeAws.Reply serveEc2(FakeAws.Request request) {
        String body = URLDecoder.decode(request.body(), StandardCharsets.UTF_8);
        if (!body.contains("Action=DescribeSpotPriceHistory")) {
            return new FakeAws.Reply(400, "text/xml;charset=UTF-8", "<Response><Errors><Error><Code>InvalidAction</Code>"
                    + "<Message>unexpected</Message></Error></Errors></Response>", Map.of());
        }
        String type = body.replaceAll("(?s).*InstanceType\\.1=([^&]+).*", "$1");
        StringBuilder items = new StringBuilder();
        spotPrices.forEach((key, price) -> {
            String[] typeAndZone = key.split("@");
            if (typeAndZone[0].equals(type)) {
                items.append("<item><instanceType>").append(type).append("</instanceType>")
                        .append("<productDescription>Linux/UNIX</productDescription><spotPrice>").append(price)
                        .append("</spotPrice><timestamp>2026-11-01T00:00:00Z</timestamp><availabilityZone>")
                        .append(typeAndZone[1]).append("</availabilityZone></item>");
            }
        });
        return FakeAws.Reply.xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeSpotPriceHistoryResponse "
                + "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>1</requestId><spotPriceHistorySet>" + items
                + "</spotPriceHistorySet><nextToken/></DescribeSpotPriceHistoryResponse>");
    }

    @Override
    public void close() {
        ecs.close();
        ec2.close();
    }
}
