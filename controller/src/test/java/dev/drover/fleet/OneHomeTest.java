package dev.drover.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.TestPorts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two controller processes on one H2 home: the second is refused at start in one sentence, no stack trace. */
class OneHomeTest {
    @TempDir
    Path dir;

    private ControllerProcess first;
    private ControllerProcess second;

    @AfterEach
    void stop() throws Exception {
        for (ControllerProcess c : new ControllerProcess[] {first, second}) {
            if (c != null) {
                c.kill();
            }
        }
    }

    private ControllerProcess on(Path home, String name) {
        return new ControllerProcess(TestPorts.free(), Map.of("drover.home", home.toString(),
                "drover.git.poll-interval", "0s", "drover.builds.enabled", "false"), dir.resolve(name + ".log"));
    }

    @Test
    void aSecondControllerOnTheSameEmbeddedDatabaseIsRefusedSayingWhy() throws Exception {
        Path home = dir.resolve("home");
        first = on(home, "first").start();
        second = on(home, "second");

        assertThatThrownBy(second::start).hasMessageContaining("the controller exited with");
        assertThat(second.log()).contains("the embedded database under " + home.resolve("db"))
                .contains("is in use by another controller")
                .contains("give this one its own --home")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }
}
