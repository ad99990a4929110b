package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Docker engine for agent tests, and the base image they run: no registry is reachable, so {@value #BASE}
 * is made {@code FROM scratch} out of the host's static busybox. Skips without an engine, but fails under
 * {@code ./drover test} ({@code DROVER_TEST_DOCKER=1}), which starts one.
 */
public final class TestEngine {
    public static final String BASE = "drover-test/busybox:1";
    public static final String HOST = "unix:///var/run/docker.sock";
    private static DockerClient client;

    private TestEngine() {
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            DockerClient docker = DockerConnection.connect(HOST);
            try {
                docker.pingCmd().exec();
            } catch (RuntimeException e) {
                String why = "no Docker engine at " + HOST + " (" + e.getMessage() + "): ./drover test starts one";
                if ("1".equals(System.getenv("DROVER_TEST_DOCKER"))) {
                    throw new IllegalStateException(why, e);
                }
                Assumptions.abort(why);
            }
            ensureBase(docker);
            client = docker;
        }
        return client;
    }

    private static void ensureBase(DockerClient docker) {
        if (!docker.listImagesCmd().withReferenceFilter(BASE).exec().isEmpty()) {
            return;
        }
        Path busybox = Files.isExecutable(Path.of("/bin/busybox")) ? Path.of("/bin/busybox") : Path.of("/usr/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            throw new IllegalStateException("/bin/busybox is missing: ./drover test installs busybox-static");
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                add(tar, "Dockerfile", ("FROM scratch\nCOPY busybox /bin/busybox\n"
                        + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n").getBytes(StandardCharsets.UTF_8), 0644);
                add(tar, "busybox", Files.readAllBytes(busybox), 0755);
            }
            docker.buildImageCmd(new ByteArrayInputStream(bytes.toByteArray())).withTags(Set.of(BASE))
                    .withNetworkMode("none").exec(new BuildImageResultCallback()).awaitImageId(120, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100000 | mode);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
