package dev.drover.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Batch's REST-JSON protocol on a local endpoint, with jobs that live the way Batch's do:
 * SUBMITTED, RUNNABLE, RUNNING (after a short wait for capacity), then SUCCEEDED or FAILED with the
 * status reasons Batch gives. What a job does comes from its environment, as the demo worker reads it:
 * {@code DURATION} seconds of work (scaled by {@code timeScale}), {@code FAIL_RATE=1} exits 1, and
 * {@code SPOT_RECLAIM=1} has its host reclaimed on every attempt (Batch retries that itself, up to the
 * job definition's attempts). Pages are small on purpose, so callers must follow {@code nextToken}.
 *
 * <p>Each run of a job lands on an ECS container instance that {@link FakeBatchHosts} describes.
 */
public final class FakeBatch implements AutoCloseable {
    static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final int PAGE = 2;
    private final ObjectMapper json = new ObjectMapper();
    private final FakeAws aws = new FakeAws();
    private final Map<String, FakeJob> jobs = new LinkedHashMap<>();
    private final List<ObjectNode> definitions = new ArrayList<>();
    private final Map<String, AtomicInteger> revisions = new LinkedHashMap<>();
    private final double timeScale;
    private volatile int throttleEvery;
    private final AtomicInteger served = new AtomicInteger();
    private volatile int largestDescribe;
    private final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final FakeBatchHosts hosts = new FakeBatchHosts(REGION, ACCOUNT);

    /** One job: its request, when it ran, how it ended. */
    private static final class FakeJob {
        String id;
        String name;
        String queue;
        String definitionArn;
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        long createdAt;
        Long startedAt;
        Long stoppedAt;
        String status = "SUBMITTED";
        String statusReason;
        Integer exitCode;
        int attempts = 1;
        List<String> hosts = new ArrayList<>();
    }

    public FakeBatch(double timeScale) {
        this.timeScale = timeScale;
        aws.handler(request -> {
            if (throttleEvery > 0 && served.incrementAndGet() % throttleEvery == 0) {
                return FakeAws.Reply.throttled("application/json");
            }
            try {
                return FakeAws.Reply.json(serve(request.path(), json.readTree(request.body().isEmpty() ? "{}" : request.body())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public String endpoint() {
        return aws.endpoint();
    }

    /** The ECS container instances jobs run on, and EC2's spot prices for them. */
    public FakeBatchHosts hosts() {
        return hosts;
    }

    /** One run of a job as Batch made it: how long, on what, where. */
    public record RunOn(long millis, String instanceType, String zone) {
    }

    /** The runs Batch made of a job, by job name, as {@code DescribeJobs} reports them. */
    public synchronized List<RunOn> runs(String jobName) {
        FakeJob job = jobs.values().stream().filter(j -> j.name.equals(jobName)).findFirst().orElseThrow();
        List<RunOn> runs = new ArrayList<>();
        for (JsonNode a : detail(job).path("attempts")) {
            FakeBatchHosts.Instance on = hosts.instance(a.path("container").path("containerInstanceArn").asText());
            runs.add(new RunOn(a.path("stoppedAt").asLong() - a.path("startedAt").asLong(), on.type().instanceType(),
                    on.zone()));
        }
        return runs;
    }


    public FakeAws aws() {
        return aws;
    }

    /** Answers every {@code n}th request with a throttling error (0: never). */
    public void throttleEvery(int n) {
        throttleEvery = n;
    }

    /** Jobs on this queue stay RUNNABLE (no capacity) until released. */
    public void hold(String queue) {
        held.add(queue);
    }

    public void release(String queue) {
        held.remove(queue);
    }

    /** The jobs terminated with a reason, by job name. */
    public synchronized Map<String, String> terminated() {
        Map<String, String> out = new LinkedHashMap<>();
        jobs.values().stream().filter(j -> j.stoppedAt != null && j.statusReason != null
                && j.statusReason.startsWith("Terminated")).forEach(j -> out.put(j.name, j.statusReason));
        return out;
    }

    public int largestDescribe() {
        return largestDescribe;
    }

    public synchronized List<String> submittedNames() {
        return jobs.values().stream().map(j -> j.name).toList();
    }

    public synchronized List<String> definitionNames() {
        return definitions.stream().map(d -> d.path("jobDefinitionName").asText() + ":" + d.path("revision").asInt()
                + "=r" + d.path("tags").path(BatchJobDefinitions.REVISION_TAG).asText()).toList();
    }

    public synchronized List<String> inactive() {
        return definitions.stream().filter(d -> "INACTIVE".equals(d.path("status").asText()))
                .map(d -> d.path("jobDefinitionName").asText() + ":" + d.path("revision").asInt()
                        + "=r" + d.path("tags").path(BatchJobDefinitions.REVISION_TAG).asText()).toList();
    }

    public synchronized JsonNode definition(String arn) {
        return definitions.stream().filter(d -> d.path("jobDefinitionArn").asText().equals(arn)).findFirst().orElseThrow();
    }

    /** The submitted jobs' tags, by job name. */
    public synchronized Map<String, Map<String, String>> tags() {
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        jobs.values().forEach(j -> tags.put(j.name, Map.copyOf(j.tags)));
        return tags;
    }

    /** The job definition ARN each job was submitted with, by job name. */
    public synchronized Map<String, String> definitionsUsed() {
        Map<String, String> used = new LinkedHashMap<>();
        jobs.values().forEach(j -> used.put(j.name, j.definitionArn));
        return used;
    }

    private synchronized String serve(String path, JsonNode body) {
        return switch (path) {
            case "/v1/registerjobdefinition" -> register(body);
            case "/v1/describejobdefinitions" -> describeDefinitions(body);
            case "/v1/submitjob" -> submit(body);
            case "/v1/describejobs" -> describe(body);
            case "/v1/listjobs" -> list(body);
            case "/v1/terminatejob", "/v1/canceljob" -> terminate(body);
            case "/v1/describejobqueues" -> queues(body);
            case "/v1/deregisterjobdefinition" -> deregister(body);
            case "/v1/describecomputeenvironments" -> computeEnvironments(body);
            default -> throw new IllegalArgumentException("FakeBatch does not know " + path);
        };
    }

    private String register(JsonNode body) {
        String name = body.path("jobDefinitionName").asText();
        int revision = revisions.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        ObjectNode d = ((ObjectNode) body.deepCopy());
        d.put("revision", revision).put("status", "ACTIVE")
                .put("jobDefinitionArn", "arn:aws:batch:" + REGION + ":" + ACCOUNT + ":job-definition/" + name + ":" + revision);
        definitions.add(d);
        return json.createObjectNode().put("jobDefinitionName", name).put("revision", revision)
                .put("jobDefinitionArn", d.path("jobDefinitionArn").asText()).toString();
    }

    private String describeDefinitions(JsonNode body) {
        String name = body.path("jobDefinitionName").asText(null);
        List<ObjectNode> matching = definitions.stream()
                .filter(d -> name == null || d.path("jobDefinitionName").asText().equals(name))
                .filter(d -> !body.has("status") || d.path("status").asText().equals(body.path("status").asText()))
                .toList();
        return page(matching, body, "jobDefinitions");
    }

    private String page(List<? extends JsonNode> items, JsonNode body, String field) {
        int from = body.has("nextToken") ? Integer.parseInt(body.path("nextToken").asText()) : 0;
        ObjectNode out = json.createObjectNode();
        ArrayNode array = out.putArray(field);
        items.stream().skip(from).limit(PAGE).forEach(array::add);
        if (from + PAGE < items.size()) {
            out.put("nextToken", Integer.toString(from + PAGE));
        }
        return out.toString();
    }

    private String submit(JsonNode body) {
        FakeJob job = new FakeJob();
        job.id = UUID.randomUUID().toString();
        job.name = body.path("jobName").asText();
        job.queue = body.path("jobQueue").asText();
        job.definitionArn = body.path("jobDefinition").asText();
        JsonNode definition = definition(job.definitionArn);
        definition.path("containerProperties").path("environment")
                .forEach(e -> job.env.put(e.path("name").asText(), e.path("value").asText()));
        body.path("containerOverrides").path("environment")
                .forEach(e -> job.env.put(e.path("name").asText(), e.path("value").asText()));
        body.path("tags").fields().forEachRemaining(e -> job.tags.put(e.getKey(), e.getValue().asText()));
        job.attempts = Math.max(1, definition.path("retryStrategy").path("attempts").asInt(1));
        job.createdAt = System.currentTimeMillis();
        jobs.put(job.id, job);
        return json.createObjectNode().put("jobId", job.id).put("jobName", job.name)
                .put("jobArn", "arn:aws:batch:" + REGION + ":" + ACCOUNT + ":job/" + job.id).toString();
    }

    /** Moves the job along by the wall clock. */
    private void advance(FakeJob job) {
        long now = System.currentTimeMillis();
        if (job.stoppedAt != null) {
            return;
        }
        if (now - job.createdAt >= 20) {
            job.status = "RUNNABLE";
        }
        if (held.contains(job.queue)) {
            job.createdAt = now - 20; // waits for capacity: starts 100 ms after the hold ends
            return;
        }
        if (now - job.createdAt >= 100) {
            if (job.startedAt == null) {
                job.startedAt = job.createdAt + 100;
            }
            job.status = "RUNNING";
            long work = (long) (Double.parseDouble(job.env.getOrDefault("DURATION", "1")) * 1000 * timeScale);
            if ("1".equals(job.env.get("SPOT_RECLAIM"))) {
                work = 50;
            }
            if (now >= job.startedAt + work) {
                job.stoppedAt = job.startedAt + work;
                if ("1".equals(job.env.get("SPOT_RECLAIM"))) {
                    job.status = "FAILED";
                    job.statusReason = "Host EC2 (instance i-0abc123def4567890) terminated.";
                } else if ("1".equals(job.env.get("FAIL_RATE"))) {
                    job.status = "FAILED";
                    job.statusReason = "Essential container in task exited";
                    job.exitCode = 1;
                } else {
                    job.status = "SUCCEEDED";
                    job.statusReason = "Essential container in task exited";
                    job.exitCode = 0;
                }
            }
        }
    }

    private String describe(JsonNode body) {
        largestDescribe = Math.max(largestDescribe, body.path("jobs").size());
        if (body.path("jobs").size() > 100) {
            throw new IllegalArgumentException("describejobs takes at most 100 jobs");
        }
        ObjectNode out = json.createObjectNode();
        ArrayNode array = out.putArray("jobs");
        for (JsonNode id : body.path("jobs")) {
            FakeJob job = jobs.get(id.asText());
            if (job == null) {
                continue;
            }
            advance(job);
            array.add(detail(job));
        }
        return out.toString();
    }

    private ObjectNode detail(FakeJob job) {
        ObjectNode d = json.createObjectNode().put("jobId", job.id).put("jobName", job.name).put("jobQueue", job.queue)
                .put("status", job.status).put("jobDefinition", job.definitionArn).put("createdAt", job.createdAt);
        if (job.statusReason != null) {
            d.put("statusReason", job.statusReason);
        }
        if (job.startedAt != null) {
            d.put("startedAt", job.startedAt);
        }
        if (job.stoppedAt != null) {
            d.put("stoppedAt", job.stoppedAt);
        }
        if (job.stoppedAt != null && job.startedAt != null) {
            ArrayNode attempts = d.putArray("attempts");
            int count = "1".equals(job.env.get("SPOT_RECLAIM")) ? job.attempts : 1;
            long run = (job.stoppedAt - job.startedAt) / count;
            for (int i = 0; i < count; i++) {
                ObjectNode a = attempts.addObject().put("startedAt", job.startedAt + i * run)
                        .put("stoppedAt", i == count - 1 ? job.stoppedAt : job.startedAt + (i + 1) * run)
                        .put("statusReason", job.statusReason);
                ObjectNode container = a.putObject("container").put("containerInstanceArn", host(job, i));
                if (job.exitCode != null) {
                    container.put("exitCode", job.exitCode);
                }
            }
        }
        ObjectNode container = d.putObject("container");
        if (job.startedAt != null) {
            container.put("logStreamName", "worker/default/" + job.id);
        }
        if (job.exitCode != null) {
            container.put("exitCode", job.exitCode);
        }
        return d;
    }

    /** The container instance the job's {@code run}th run had: one per job and run. */
    private String host(FakeJob job, int run) {
        while (job.hosts.size() <= run) {
            job.hosts.add(hosts.launch(job.queue, job.hosts.size()));
        }
        return job.hosts.get(run);
    }

    private String list(JsonNode body) {
        String queue = body.path("jobQueue").asText();
        String name = null;
        for (JsonNode f : body.path("filters")) {
            if ("JOB_NAME".equals(f.path("name").asText())) {
                name = f.path("values").get(0).asText();
            }
        }
        String wanted = name;
        List<ObjectNode> summaries = jobs.values().stream().filter(j -> j.queue.equals(queue))
                .filter(j -> wanted == null || j.name.equals(wanted))
                .map(j -> json.createObjectNode().put("jobId", j.id).put("jobName", j.name).put("status", j.status))
                .toList();
        return page(summaries, body, "jobSummaryList");
    }

    private String deregister(JsonNode body) {
        String arn = body.path("jobDefinition").asText();
        definitions.stream().filter(d -> d.path("jobDefinitionArn").asText().equals(arn)).forEach(d -> d.put("status", "INACTIVE"));
        return "{}";
    }

    /** Every queue asked for exists, ENABLED and VALID, except those named {@code missing-*}. */
    private String queues(JsonNode body) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode q : body.path("jobQueues")) {
            if (!q.asText().startsWith("missing-")) {
                found.add(json.createObjectNode().put("jobQueueName", q.asText()).put("state", "ENABLED")
                        .put("status", "VALID").put("priority", 1)
                        .put("jobQueueArn", "arn:aws:batch:" + REGION + ":" + ACCOUNT + ":job-queue/" + q.asText()));
            }
        }
        return page(found, body, "jobQueues");
    }

    private String computeEnvironments(JsonNode body) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode ce : body.path("computeEnvironments")) {
            if (!ce.asText().startsWith("missing-")) {
                found.add(json.createObjectNode().put("computeEnvironmentName", ce.asText()).put("state", "ENABLED")
                        .put("status", "VALID"));
            }
        }
        return page(found, body, "computeEnvironments");
    }

    private String terminate(JsonNode body) {
        FakeJob job = jobs.get(body.path("jobId").asText());
        if (job != null && job.stoppedAt == null) {
            job.stoppedAt = System.currentTimeMillis();
            job.status = "FAILED";
            job.statusReason = body.path("reason").asText(); // one that never started has no attempts
        }
        return "{}";
    }

    @Override
    public void close() {
        hosts.close();
        aws.close();
    }
}
