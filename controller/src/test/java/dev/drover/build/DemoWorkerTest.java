package dev.drover.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo worker that ./drover up builds (deploy/demo) goes green through the real pipeline. */
class DemoWorkerTest {
    private static final Path DEMO = Path.of("..", "deploy", "demo");

    @TempDir
    Path dir;

    @Test
    void theDemoWorkerBuildsPassesItsSelfTestAndBecomesRevisionOne() throws Exception {
        TestDocker.client().tagImageCmd(TestDocker.BASE, "drover-demo/base", "1").exec();
        try (BuildFixture f = new BuildFixture(dir, Optional.empty())) {
            f.repo.commit("demo", Map.of(
                    "Dockerfile", read("Dockerfile"),
                    "drover.yaml", read("drover.yaml").replace("service: demo", "service: " + f.service.name()),
                    "worker/work.sh", read("worker/work.sh"),
                    "worker/selftest.sh", read("worker/selftest.sh")));
            f.repo.push();

            Build build = f.fetchAndBuild().orElseThrow();

            assertThat(build.status()).as(build.failure()).isEqualTo(BuildStatus.GREEN);
            assertThat(build.testLog()).contains("self-test ok");
            assertThat(f.revisions.find(f.service.id(), 1)).hasValueSatisfying(r -> {
                assertThat(r.spec().command()).containsExactly("sh", "/app/work.sh");
                assertThat(r.spec().env()).containsEntry("DURATION", "2");
                assertThat(r.spec().tiers()).extracting(t -> t.name())
                        .containsExactly("canary-gpu", "canary-spot", "c1", "c2", "c3");
                assertThat(r.spec().canaryLoad().replayRecent()).isEqualTo(20);
            });
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(DEMO.resolve(file));
    }
}
