package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** The agent's Docker engine: a docker-java client for an address such as {@code unix:///var/run/docker.sock}. */
public final class DockerConnection {
    /** What the engine says about its host. */
    public record EngineFacts(int cpus, long memoryBytes, String cgroupVersion, String cgroupDriver) {
    }

    private DockerConnection() {
    }

    public static DockerClient connect(String host) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofMinutes(10)) // a wait that outlasts it is asked again (DockerContainerRunner)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's host: CPUs, memory, cgroup version and driver. Throws when the engine cannot be reached. */
    public static EngineFacts facts(DockerClient docker) {
        Info info = docker.infoCmd().exec();
        return new EngineFacts(info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal(),
                info.getCGroupVersion() == null ? "1" : info.getCGroupVersion(),
                info.getCGroupDriver() == null ? "cgroupfs" : info.getCGroupDriver());
    }
}
