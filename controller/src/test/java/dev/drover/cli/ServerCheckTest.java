package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drover server --check}: the whole start (database, migrations, bootstraps), then a clean stop. */
class ServerCheckTest {
    @TempDir
    Path dir;

    @Test
    void startsOnAFreshHomeAndStopsAgain() {
        CliRun run = CliRun.of("server", "--check", "--home", dir.resolve("home").toString(), "--port", "-1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("the controller starts with this configuration; stopped again");
    }

    @Test
    void anUnreadableConfigIsAUsageError() {
        CliRun run = CliRun.of("server", "--check", "--config", dir.resolve("missing.yml").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("missing.yml is not readable");
    }
}
