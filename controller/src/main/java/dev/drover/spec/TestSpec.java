package dev.drover.spec;

import java.time.Duration;
import java.util.List;

/** The test run inside the built image (no network) before a revision is created. */
public record TestSpec(List<String> command, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public TestSpec {
        command = List.copyOf(command);
    }
}
