package dev.drover.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.AttemptResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSpoolTest {
    @TempDir
    Path state;

    static AttemptResult result(long attemptId, String outcome) {
        Instant at = Instant.parse("2030-01-01T12:00:00Z");
        return new AttemptResult(attemptId, outcome, 0, at, at.plusSeconds(3), 0.5, 0.9, 12L << 20, null, null, null, "hello\n");
    }

    @Test
    void resultsSurviveARestartAsWholeFiles() throws IOException {
        ResultSpool spool = new ResultSpool(state);
        spool.write(result(12, "succeeded"));
        spool.write(result(3, "code"));
        Files.writeString(spool.dir().resolve(".99.json.tmp"), "{\"attemptId\":99,"); // a write cut short by a crash

        ResultSpool again = new ResultSpool(state);

        assertThat(again.pending()).containsExactly(3L, 12L);
        assertThat(again.holds(12)).isTrue();
        assertThat(again.read(12)).contains("\"attemptId\":12").contains("\"startedAt\":\"2030-01-01T12:00:00Z\"")
                .contains("\"outcome\":\"succeeded\"");
        assertThat(spool.dir().resolve(".99.json.tmp")).doesNotExist();
    }

    @Test
    void aResultIsGoneOnlyWhenDeletedOrSetAside() throws IOException {
        ResultSpool spool = new ResultSpool(state);
        spool.write(result(1, "succeeded"));
        spool.write(result(2, "succeeded"));

        spool.delete(1);
        Path rejected = spool.reject(2);

        assertThat(spool.pending()).isEmpty();
        assertThat(rejected).isEqualTo(state.resolve("results/rejected/2.json"));
        assertThat(Files.readString(rejected)).contains("\"attemptId\":2");
    }
}
