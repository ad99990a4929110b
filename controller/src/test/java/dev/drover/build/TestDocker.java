package dev.drover.build;

import com.github.dockerjava.api.DockerClient;
import dev.drover.agent.docker.TestEngine;

/**
 * The real Docker engine for the controller's tests, and the base image they build on ({@value #BASE},
 * made {@code FROM scratch} out of the host's static busybox): the agent module's fixture, shared.
 */
public final class TestDocker {
    public static final String BASE = TestEngine.BASE;

    private TestDocker() {
    }

    /** The engine, with the base image in it; skips (or, under ./drover test, fails) without one. */
    public static DockerClient client() {
        return TestEngine.client();
    }
}
