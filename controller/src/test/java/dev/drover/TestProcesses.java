package dev.drover;

import java.util.concurrent.TimeUnit;

/** For tests: ending the servers they start as child processes. */
public final class TestProcesses {
    private TestProcesses() {
    }

    /** Asks the process to end (SIGTERM), and kills it when it has not within 10 seconds, or when interrupted. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
