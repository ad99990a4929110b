package dev.drover.fleet;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.drover.TestPorts;
import dev.drover.access.AccessTokens;
import dev.drover.access.Role;
import dev.drover.build.TestDocker;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStore;
import dev.drover.job.JobSubmission;
import dev.drover.job.NewJob;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.service.Service;
import dev.drover.service.ServiceSettings;
import dev.drover.service.Services;
import dev.drover.store.jooq.Database;
import dev.drover.tier.TierStateStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A controller in this JVM (on a file database, so it can be restarted on the same port) and
 * agents as separate processes, running the demo worker's image on the real Docker engine.
 */
final class Cluster implements AutoCloseable {
    static final String SERVICE = "fleet";
    private final Path dir;
    private final int port;
    private final Map<String, Object> settings = new HashMap<>();
    private final List<AgentProcess> agents = new ArrayList<>();
    private final String image;
    private EmbeddedServer server;

    Cluster(Path dir, Map<String, Object> extra) throws IOException {
        this.dir = dir;
        this.port = TestPorts.free();
        this.image = demoImage(TestDocker.client());
        settings.put("drover.http.port", port);
        settings.put("drover.home", dir.resolve("home").toString());
        settings.put("drover.database.url", "jdbc:h2:file:" + dir.resolve("db") + Database.H2_MODE);
        settings.put("drover.agents.lease", "4s");
        settings.put("drover.agents.heartbeat", "1s");
        settings.put("drover.agents.poll", "2s");
        settings.put("drover.agents.lost-margin", "2s");
        settings.put("drover.jobs.routing-seed", "7");
        settings.put("drover.targets.cpu.price-per-hour", "1.0");
        settings.putAll(extra);
        start();
        Services services = bean(Services.class);
        Service service = services.add(new ServiceSettings(SERVICE, "file:///none", "main", null, null));
        CommitStore commits = bean(CommitStore.class);
        commits.record(service.id(), new SeenCommit("c".repeat(40), List.of(), "Ada", "a@x", "worker", Instant.now()),
                CommitStatus.GREEN, null, Instant.now());
        revision(1, 600, 256L << 20);
        bean(TierStateStore.class).deployAll(service.id(), List.of("canary", "main"), 1, Instant.now());
    }

    /** Adds revision {@code number} of the demo worker with this timeout and memory limit. */
    void revision(int number, long timeoutSeconds, long memoryBytes) {
        Service service = service();
        long commitId = bean(CommitStore.class).find(service.id(), "c".repeat(40)).orElseThrow().id();
        if (number > 1) {
            String sha = Integer.toString(number).repeat(40).substring(0, 40);
            bean(CommitStore.class).record(service.id(), new SeenCommit(sha, List.of(), "Ada", "a@x", "v" + number,
                    Instant.now()), CommitStatus.GREEN, null, Instant.now());
            commitId = bean(CommitStore.class).find(service.id(), sha).orElseThrow().id();
        }
        RevisionSpec spec = new RevisionSpec(List.of("sh", "/app/work.sh"), Map.of("DURATION", "1"), Map.of(), 0.5,
                memoryBytes, 64L << 20, timeoutSeconds, 2, 0, "optional", false,
                List.of(new RevisionSpec.Tier("canary", "cpu", 20, 0), new RevisionSpec.Tier("main", "cpu", 80, 0)));
        int created = bean(RevisionStore.class).create(service.id(), commitId, image, spec, Instant.now()).number();
        if (created != number) {
            throw new IllegalStateException("expected revision " + number + ", got " + created);
        }
    }

    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
    }

    void stopController() {
        server.close();
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    Service service() {
        return bean(Services.class).find(SERVICE).orElseThrow();
    }

    List<Job> submit(int count, Map<String, String> params, Integer revision) {
        return bean(JobSubmission.class).submit(service(), java.util.Collections.nCopies(count, new NewJob(params, false, revision)));
    }

    Job job(String id) {
        return bean(JobStore.class).find(id).orElseThrow();
    }

    List<Attempt> attempts(String id) {
        return bean(JobStore.class).attempts(id);
    }

    AgentProcess agent(String name, String... extra) throws IOException {
        String token = bean(AccessTokens.class).issue(name, Role.AGENT, "test").secret().value();
        AgentProcess agent = new AgentProcess(name, token, "http://127.0.0.1:" + port, dir.resolve("agents").resolve(name),
                List.of(extra));
        agents.add(agent);
        return agent.start();
    }

    /** Containers of an agent (by its label), running or not. */
    static int containersOf(String agentId) {
        return TestDocker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("dev.drover.agent", agentId)).exec().size();
    }

    @Override
    public void close() {
        agents.forEach(AgentProcess::kill);
        agents.forEach(AgentProcess::removeContainers);
        if (server != null && server.isRunning()) {
            server.close();
        }
    }

    /** The demo worker (deploy/demo/worker) on the test base image. */
    static String demoImage(DockerClient docker) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "Dockerfile", ("FROM " + TestDocker.BASE + "\nCOPY worker/ /app/\nCMD [\"sh\", \"/app/work.sh\"]\n").getBytes());
            Path worker = Path.of("..", "deploy", "demo", "worker");
            for (String file : List.of("work.sh", "selftest.sh")) {
                add(tar, "worker/" + file, Files.readAllBytes(worker.resolve(file)));
            }
        }
        String id = docker.buildImageCmd(new ByteArrayInputStream(bytes.toByteArray())).withTags(Set.of("drover-test/worker:1"))
                .withNetworkMode("none").exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
        return docker.inspectImageCmd(id).exec().getId();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
