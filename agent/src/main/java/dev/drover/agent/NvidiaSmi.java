package dev.drover.agent;

import dev.drover.agent.protocol.Gpu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host's GPUs, read from {@code nvidia-smi}. A host without the tool, or where it fails
 * (no driver, no device), has no GPUs: the agent then offers CPU work only.
 */
public final class NvidiaSmi {
    static final List<String> QUERY = List.of("--query-gpu=index,name,memory.total", "--format=csv,noheader,nounits");

    private final String executable;

    public NvidiaSmi(String executable) {
        this.executable = executable;
    }

    public static NvidiaSmi onPath() {
        return new NvidiaSmi("nvidia-smi");
    }

    public List<Gpu> detect() {
        return run(executable, QUERY).map(NvidiaSmi::parse).orElse(List.of());
    }

    /**
     * Runs nvidia-smi with these arguments; its output, or empty when it is absent, fails or hangs
     * (no driver, no device): a host where it cannot answer has no GPUs to offer or sample.
     */
    public static Optional<String> run(String executable, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Parses {@code index, name, memory.total} CSV lines (memory in MiB, no units). */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] fields = line.split(",");
            if (fields.length != 3) {
                continue;
            }
            try {
                gpus.add(new Gpu(Integer.parseInt(fields[0].trim()), fields[1].trim(), Long.parseLong(fields[2].trim())));
            } catch (NumberFormatException e) {
                // not a GPU line (a warning or a header): skip it
            }
        }
        return gpus;
    }
}
