package dev.drover.agent;

import com.github.dockerjava.api.DockerClient;
import dev.drover.agent.docker.ContainerOwner;
import dev.drover.agent.docker.DockerConnection;
import dev.drover.agent.docker.DockerConnection.EngineFacts;
import dev.drover.agent.docker.DockerContainerRunner;
import dev.drover.agent.docker.DockerRecovery;
import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.measure.CgroupFs;
import dev.drover.agent.protocol.Gpu;
import dev.drover.agent.protocol.HostCapacity;
import dev.drover.agent.protocol.Registered;
import dev.drover.agent.protocol.Registration;
import dev.drover.agent.run.Agent;
import dev.drover.agent.run.Backoff;
import dev.drover.agent.run.Console;
import dev.drover.agent.run.Enrolment;
import dev.drover.agent.run.Gate;
import dev.drover.agent.run.ResultSpool;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The agent put together from its validated options: takes stock of the host, registers, runs until stopped. */
record AgentLaunch(URI server, String token, int slots, Labels labels, String nvidiaSmi, String dockerHost, Path stateDir,
                   URI spotNotice, Duration spotPollInterval, int logLimit, String network, Duration shutdownGrace) {

    int run(PrintWriter out, PrintWriter err, StopSignals signals) throws InterruptedException {
        Console console = new Console(out, err);
        List<Gpu> gpus = new NvidiaSmi(nvidiaSmi).detect();
        console.info("slots=" + slots + " labels=" + labels.values() + " " + AgentCommand.describe(gpus));
        try (FileChannel lockFile = FileChannel.open(Files.createDirectories(stateDir).resolve("agent.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (!locked(lockFile)) {
                console.error("another agent uses the state directory " + stateDir.toAbsolutePath()
                        + ": give each agent its own --state-dir");
                return 1;
            }
            return run(console, gpus, new ResultSpool(stateDir), AgentInstance.of(stateDir), signals);
        } catch (IOException e) {
            console.error("cannot use the state directory " + stateDir.toAbsolutePath() + ": " + e);
            return 1;
        }
    }

    private int run(Console console, List<Gpu> gpus, ResultSpool spool, String instance, StopSignals signals)
            throws InterruptedException {
        Gate gate = new Gate();
        AtomicReference<Agent> agent = new AtomicReference<>();
        signals.onStop(() -> Optional.ofNullable(agent.get()).ifPresentOrElse(Agent::stop, gate::stop));

        DockerClient docker = DockerConnection.connect(dockerHost);
        Optional<EngineFacts> engine = engine(docker, console);
        Registration registration = new Registration(slots, labels.values(), gpus, capacity(engine), DroverVersion.get());
        ControllerClient client = new ControllerClient(server, token);
        Optional<Registered> terms;
        try {
            terms = new Enrolment(client, gate, console, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                    .register(registration);
        } catch (Enrolment.Refused e) {
            console.error(e.getMessage());
            return e.exitCode();
        }
        if (terms.isEmpty()) {
            console.info("stopped before the controller answered");
            return 0;
        }
        Registered registered = terms.get();
        console.info("registered with " + client.server() + " as " + registered.agentId() + " (lease " + registered.leaseSeconds()
                + "s, heartbeat every " + registered.heartbeatSeconds() + "s, work polls up to " + registered.pollSeconds() + "s)");

        CgroupFs cgroups = CgroupFs.host();
        boolean parents = engine.map(facts -> "cgroupfs".equals(facts.cgroupDriver())).orElse(false) && cgroups.writable();
        console.info("peak memory: " + memorySource(engine, cgroups, parents));
        Clock clock = Clock.systemUTC();
        ContainerOwner owner = new ContainerOwner(registered.agentId(), instance);
        DockerContainerRunner runner = new DockerContainerRunner(docker, new DockerContainerRunner.Options(owner,
                network, logLimit, parents, nvidiaSmi, gpus.stream().map(Gpu::index).toList()), cgroups, console, clock);
        agent.set(new Agent(client, registered, runner, new DockerRecovery(docker, owner, cgroups, logLimit, clock),
                spool, gate, console, clock, new Agent.Settings(slots, shutdownGrace, spotNotice, spotPollInterval)));
        agent.get().run();
        return 0;
    }

    private static boolean locked(FileChannel lockFile) throws IOException {
        try {
            return lockFile.tryLock() != null; // held until the channel closes, when the agent is done
        } catch (OverlappingFileLockException e) {
            return false; // held by another agent in this JVM
        }
    }

    private Optional<EngineFacts> engine(DockerClient docker, Console console) {
        try {
            EngineFacts facts = DockerConnection.facts(docker);
            console.info("docker engine at " + dockerHost + ": " + facts.cpus() + " CPUs, " + facts.memoryBytes() / (1 << 20)
                    + " MiB, cgroup v" + facts.cgroupVersion() + " (" + facts.cgroupDriver() + " driver)");
            return Optional.of(facts);
        } catch (RuntimeException e) {
            console.warn("the Docker engine at " + dockerHost + " does not answer (" + e.getMessage()
                    + "); registering with this host's own figures, and no work is taken until it answers");
            return Optional.empty();
        }
    }

    private static HostCapacity capacity(Optional<EngineFacts> engine) {
        int cpus = engine.map(EngineFacts::cpus).filter(n -> n > 0).orElse(Runtime.getRuntime().availableProcessors());
        long memory = engine.map(EngineFacts::memoryBytes).filter(n -> n > 0).orElseGet(() ->
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize());
        return new HostCapacity(cpus, memory);
    }

    private static String memorySource(Optional<EngineFacts> engine, CgroupFs cgroups, boolean parents) {
        boolean unified = cgroups.unified();
        if (parents) {
            return "each attempt's own cgroup, read after it exits (" + cgroups.root().resolve(unified
                    ? "drover/attempt-N/memory.peak" : "memory/drover/attempt-N/memory.max_usage_in_bytes") + ")";
        }
        if (engine.isPresent() && engine.get().cgroupVersion().equals("1")) {
            return "the engine's stats (memory_stats.max_usage, cgroup v1), sampled every second while it runs";
        }
        return "the container cgroup's memory.peak (cgroup v2), read every second while it runs; "
                + "a spike in its last second may be missed";
    }
}
