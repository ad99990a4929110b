package dev.drover.agent.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The host's GPUs (as {@code nvidia-smi} listed them) and which are taken, so that two attempts never share one:
 * the engine, asked for a count, would give each the first GPUs. When too few are free (or none are known) the
 * attempt gets none picked, and the engine is asked for a count.
 */
final class GpuPool {
    private final TreeSet<Integer> free = new TreeSet<>();

    GpuPool(List<Integer> indexes) {
        free.addAll(indexes);
    }

    synchronized List<Integer> take(int count) {
        if (count <= 0 || free.size() < count) {
            return List.of();
        }
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(free.pollFirst());
        }
        return taken;
    }

    synchronized void give(List<Integer> indexes) {
        free.addAll(indexes);
    }
}
