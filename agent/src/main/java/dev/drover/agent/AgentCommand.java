package dev.drover.agent;

import dev.drover.agent.protocol.Gpu;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code drover agent}: runs jobs on this host for a controller. Takes stock of the host (labels, slots, GPUs from
 * {@code nvidia-smi}, the Docker engine's CPUs and memory), registers, then runs the attempts it is given as
 * containers until SIGTERM or SIGINT. Exit codes: 0 stopped, 1 failure, 2 bad usage, 3 token refused.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a Drover agent on this host: register with a controller and run the jobs it hands out.")
public class AgentCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:DROVER_URL:-http://localhost:8080}",
            description = "Controller URL (env DROVER_URL; default ${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DROVER_AGENT_TOKEN}",
            description = "Agent token (env DROVER_AGENT_TOKEN)")
    String token;

    @Option(names = "--slots", defaultValue = "1", description = "Jobs run at once (default ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--labels", paramLabel = "K=V,...", defaultValue = "",
            description = "What this host offers, e.g. capacity=spot,instance=m5.large")
    String labels;

    @Option(names = "--nvidia-smi", paramLabel = "PATH", defaultValue = "nvidia-smi",
            description = "nvidia-smi to ask for GPUs (default ${DEFAULT-VALUE}; absent: no GPUs)")
    String nvidiaSmi;

    @Option(names = "--docker-host", paramLabel = "ADDRESS", defaultValue = "unix:///var/run/docker.sock",
            description = "Docker engine that runs the jobs (default ${DEFAULT-VALUE})")
    String dockerHost;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".drover-agent",
            description = "Where results wait until the controller has them (default ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--spot-notice-url", paramLabel = "URL|none",
            defaultValue = "http://169.254.169.254/latest/meta-data/spot/instance-action",
            description = "EC2 spot interruption notice to watch; none: do not watch (default ${DEFAULT-VALUE})")
    String spotNoticeUrl;

    @Option(names = "--log-limit", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Output kept per attempt, its head and tail (default ${DEFAULT-VALUE})")
    int logLimit;

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "bridge",
            description = "Docker network for jobs that may use one (default ${DEFAULT-VALUE}); the others get none")
    String network;

    @Option(names = "--spot-poll-interval", hidden = true, defaultValue = "5s", converter = DurationConverter.class)
    Duration spotPollInterval;

    @Option(names = "--shutdown-grace", hidden = true, defaultValue = "30s", converter = DurationConverter.class)
    Duration shutdownGrace;

    private final StopSignals signals;

    public AgentCommand() {
        this(StopSignals.os());
    }

    AgentCommand(StopSignals signals) {
        this.signals = signals;
    }

    @Override
    public Integer call() throws InterruptedException {
        Labels parsed;
        try {
            parsed = Labels.parse(labels);
        } catch (IllegalArgumentException e) {
            throw usage("--labels: " + e.getMessage());
        }
        if (slots < 1) {
            throw usage("--slots must be at least 1, got " + slots);
        }
        if (token == null || token.isBlank()) {
            throw usage("an agent token is needed: --token or DROVER_AGENT_TOKEN");
        }
        if (logLimit < 1024) {
            throw usage("--log-limit must be at least 1024 bytes, got " + logLimit);
        }
        URI spot = null;
        if (!spotNoticeUrl.equals("none")) {
            try {
                spot = URI.create(spotNoticeUrl);
            } catch (IllegalArgumentException e) {
                throw usage("--spot-notice-url: " + e.getMessage());
            }
        }
        AgentLaunch launch = new AgentLaunch(server, token, slots, parsed, nvidiaSmi, dockerHost, stateDir, spot,
                spotPollInterval, logLimit, network, shutdownGrace);
        return launch.run(spec.commandLine().getOut(), spec.commandLine().getErr(), signals);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String describe(List<Gpu> gpus) {
        if (gpus.isEmpty()) {
            return "gpus=none";
        }
        StringBuilder text = new StringBuilder("gpus=" + gpus.size() + " [");
        for (Gpu gpu : gpus) {
            text.append(gpu.index() == gpus.get(0).index() ? "" : ", ")
                    .append(gpu.index()).append(": ").append(gpu.model()).append(' ').append(gpu.memoryMiB()).append(" MiB");
        }
        return text.append(']').toString();
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a duration such as 500ms, 5s or 2m");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
    }
}
