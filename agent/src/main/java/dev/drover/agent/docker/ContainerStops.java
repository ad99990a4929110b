package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops containers off the caller's thread: {@code docker stop} with a grace (SIGTERM, then SIGKILL), or
 * {@code docker kill} with none. A container that is already stopped or gone is no error.
 */
final class ContainerStops {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerStops.class);
    private final DockerClient docker;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "container-stop");
        thread.setDaemon(true);
        return thread;
    });

    ContainerStops(DockerClient docker) {
        this.docker = docker;
    }

    void stopLater(String containerId, Duration grace) {
        threads.execute(() -> stopNow(containerId, grace));
    }

    void stopNow(String containerId, Duration grace) {
        try {
            if (grace.isZero() || grace.isNegative()) {
                docker.killContainerCmd(containerId).exec();
            } else {
                docker.stopContainerCmd(containerId).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
            }
        } catch (RuntimeException e) {
            LOG.debug("stopping container {}: {}", containerId, e.getMessage()); // not running any more, or gone
        }
    }
}
