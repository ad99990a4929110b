package dev.drover.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import dev.drover.build.BuildFailure;
import dev.drover.build.ImageEngine;
import dev.drover.build.RegistryAuth;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@link ImageEngine} on a Docker engine (local socket or a separate build host). */
public final class DockerEngine implements ImageEngine {
    private final DockerClient docker;
    private final Duration buildTimeout;
    private final RegistryPush registry;

    /** Pushes with no login of Drover's (a registry without auth, or a login in the Docker client config). */
    public DockerEngine(DockerClient docker, Duration buildTimeout) {
        this(docker, buildTimeout, RegistryAuth.NONE);
    }

    /** Pushes with the login {@code auth} has for the registry; {@code buildTimeout} bounds builds and pushes. */
    public DockerEngine(DockerClient docker, Duration buildTimeout, RegistryAuth auth) {
        this.docker = docker;
        this.buildTimeout = buildTimeout;
        this.registry = new RegistryPush(docker, auth, buildTimeout);
    }

    @Override
    public String build(InputStream context, String dockerfile, String tag, Map<String, String> labels, Consumer<String> log) {
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    log.accept(item.getStream());
                }
                if (item.getErrorDetail() != null) {
                    log.accept("error: " + item.getErrorDetail().getMessage() + "\n");
                }
                super.onNext(item);
            }
        };
        try {
            String shortId = docker.buildImageCmd(context)
                    .withDockerfilePath(dockerfile)
                    .withTags(Set.of(tag))
                    .withLabels(labels)
                    .withNetworkMode("none")
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(callback)
                    .awaitImageId(buildTimeout.toSeconds(), TimeUnit.SECONDS);
            return docker.inspectImageCmd(shortId).exec().getId(); // the full sha256:... id, a content digest
        } catch (DockerClientException e) {
            throw new BuildFailure("image build failed: " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new BuildFailure("the Docker engine refused the build: " + e.getMessage(), e);
        }
    }

    @Override
    public TestResult test(String imageId, List<String> command, Duration timeout, Consumer<String> log) {
        String container = docker.createContainerCmd(imageId)
                .withCmd(command)
                .withLabels(Map.of("dev.drover.role", "test"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec()
                .getId();
        long started = System.nanoTime();
        try {
            try {
                docker.startContainerCmd(container).exec();
            } catch (DockerException e) {
                log.accept("the test command could not start: " + e.getMessage() + "\n");
                return new TestResult(127, false, (System.nanoTime() - started) / 1_000_000);
            }
            Integer exit = docker.waitContainerCmd(container).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new TestResult(exit, false, (System.nanoTime() - started) / 1_000_000);
        } catch (DockerClientException e) {
            docker.killContainerCmd(container).exec();
            return new TestResult(-1, true, (System.nanoTime() - started) / 1_000_000);
        } finally {
            copyLogs(container, log);
            docker.removeContainerCmd(container).withForce(true).exec();
        }
    }

    private void copyLogs(String container, Consumer<String> log) {
        try {
            docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            log.accept(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String push(String imageId, String repository, String tag, Consumer<String> log) {
        return registry.push(imageId, repository, tag, log);
    }

    @Override
    public Optional<String> pushed(String repository, String tag) {
        return registry.pushed(repository, tag);
    }
}
