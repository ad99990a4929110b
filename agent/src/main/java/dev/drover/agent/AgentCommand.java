package dev.drover.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code drover agent}: runs jobs on this host for a controller. Today it takes stock of the host
 * (labels, slots, GPUs from {@code nvidia-smi}) and registers; pulling and running work follow.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a Drover agent on this host: register with a controller and run the jobs it hands out.")
public class AgentCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        Labels parsed;
        try {
            parsed = Labels.parse(labels);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--labels: " + e.getMessage());
        }
        if (slots < 1) {
            throw new ParameterException(spec.commandLine(), "--slots must be at least 1, got " + slots);
        }
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "an agent token is needed: --token or DROVER_AGENT_TOKEN");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Gpu> gpus = new NvidiaSmi(nvidiaSmi).detect();
        out.println("agent: slots=" + slots + " labels=" + parsed.values() + " " + describe(gpus));

        ControllerLink link = new ControllerLink(server, token);
        ControllerLink.Answer answer = link.register(new Registration(slots, parsed.values(), gpus));
        if (answer.status() == 404) {
            spec.commandLine().getErr().println("error: the controller at " + link.server()
                    + " does not offer agent registration (404 on /" + ControllerLink.REGISTER_PATH
                    + "): it is older than this agent; upgrade it");
            return 1;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            spec.commandLine().getErr().println("error: the controller refused this agent's token ("
                    + answer.status() + "): " + answer.body());
            return 3;
        }
        if (answer.status() >= 300) {
            spec.commandLine().getErr().println("error: registration failed (" + answer.status() + "): " + answer.body());
            return 1;
        }
        out.println("agent: registered with " + link.server());
        return 0;
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
}
