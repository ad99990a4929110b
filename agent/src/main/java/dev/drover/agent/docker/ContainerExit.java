package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a container to exit, up to a limit. The engine's wait call is asked again when it breaks off (a long
 * job outlasts the client's response timeout; the engine restarts); the container's state decides.
 */
final class ContainerExit {
    private static final long CHUNK_MILLIS = Duration.ofMinutes(5).toMillis();
    private final DockerClient docker;

    ContainerExit(DockerClient docker) {
        this.docker = docker;
    }

    /** True when it exited (or is gone) within {@code max}; null: no limit. */
    boolean await(String containerId, Duration max) {
        long deadline = max == null ? Long.MAX_VALUE : System.nanoTime() + max.toNanos();
        while (true) {
            long left = max == null ? CHUNK_MILLIS : (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return !running(containerId);
            }
            try (WaitContainerResultCallback wait = docker.waitContainerCmd(containerId).exec(new WaitContainerResultCallback())) {
                boolean answered = wait.awaitCompletion(Math.min(left, CHUNK_MILLIS), TimeUnit.MILLISECONDS);
                if (answered && !running(containerId)) {
                    return true;
                }
                if (answered) {
                    sleep(); // the wait broke off while it still runs: ask again, but not in a tight loop
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !running(containerId);
            } catch (IOException | RuntimeException e) {
                if (!running(containerId)) {
                    return true;
                }
                sleep();
            }
        }
    }

    private boolean running(String containerId) {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getRunning());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
