package dev.drover.agent.run;

import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.Limits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Assignments for tests: unique attempt ids (so tests can share one engine), small limits. */
public final class TestAssignments {
    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private TestAssignments() {
    }

    public static long nextId() {
        return NEXT.incrementAndGet();
    }

    public static Limits limits(long memoryBytes, long timeoutSeconds) {
        return new Limits(1, memoryBytes, 16L << 20, 0, timeoutSeconds, false);
    }

    public static Assignment of(String image, List<String> command, Map<String, String> env, Limits limits) {
        long id = nextId();
        return new Assignment(id, "job-" + id, 1, "thumbnailer", "c1", 3, "candidate", image, command, env, limits);
    }

    public static Assignment shell(String image, String script) {
        return of(image, List.of("sh", "-c", script), Map.of(), limits(64L << 20, 60));
    }
}
