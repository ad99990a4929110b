package dev.drover.agent.measure;

import dev.drover.agent.NvidiaSmi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GPU use now, per GPU, from {@code nvidia-smi --query-gpu=index,utilization.gpu,memory.used}. The index
 * tells the GPUs of one attempt from another's. No tool, or a failing one: no samples.
 */
public final class GpuSampler {
    static final List<String> QUERY = List.of("--query-gpu=index,utilization.gpu,memory.used", "--format=csv,noheader,nounits");

    /** One GPU's use: utilisation in percent, memory in MiB. */
    public record GpuUse(int index, double utilisation, long memoryMiB) {
    }

    private final String executable;

    public GpuSampler(String executable) {
        this.executable = executable;
    }

    /** The GPUs among {@code indexes} (all when empty), as used now. */
    public List<GpuUse> sample(Set<Integer> indexes) {
        return NvidiaSmi.run(executable, QUERY).map(GpuSampler::parse).orElse(List.of()).stream()
                .filter(use -> indexes.isEmpty() || indexes.contains(use.index())).toList();
    }

    /** Parses {@code index, utilization.gpu, memory.used} lines; lines that are not (warnings, [N/A]) are skipped. */
    static List<GpuUse> parse(String csv) {
        List<GpuUse> uses = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] fields = line.split(",");
            if (fields.length != 3) {
                continue;
            }
            try {
                uses.add(new GpuUse(Integer.parseInt(fields[0].trim()), Double.parseDouble(fields[1].trim()),
                        Long.parseLong(fields[2].trim())));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return uses;
    }
}
