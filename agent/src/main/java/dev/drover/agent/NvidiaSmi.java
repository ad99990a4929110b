package dev.drover.agent;

import dev.drover.agent.protocol.Gpu;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(QUERY);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            return process.exitValue() == 0 ? parse(output) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
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
