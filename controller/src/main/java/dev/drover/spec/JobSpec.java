package dev.drover.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job definition every revision is made of. {@code secrets} maps an environment variable to the
 * name of a controller-side secret (never a value); it is resolved only when a job starts.
 * {@code network}: whether the job's container gets a network (default: none).
 */
public record JobSpec(
        List<String> command,
        double vcpus,
        Size memory,
        Size shm,
        Duration timeout,
        RetryPolicy retries,
        Map<String, String> env,
        Map<String, String> secrets,
        GpuMode gpu,
        boolean network) {

    public static final double DEFAULT_VCPUS = 1;
    public static final Size DEFAULT_MEMORY = Size.gibibytes(1);
    public static final Size DEFAULT_SHM = Size.mebibytes(64);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    public JobSpec {
        command = List.copyOf(command);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }
}
