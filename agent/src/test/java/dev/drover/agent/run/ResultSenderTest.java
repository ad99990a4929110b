package dev.drover.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.link.ControllerClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery against a controller's results endpoint on loopback. */
class ResultSenderTest {
    @TempDir
    Path state;
    private FakeController controller;
    private final StringWriter printed = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        controller = new FakeController();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private ResultSender sender(ResultSpool spool) {
        return new ResultSender(spool, new ControllerClient(URI.create(controller.url()), "drv_agent"),
                new Console(new PrintWriter(printed), new PrintWriter(printed)));
    }

    @Test
    void anAcknowledgedResultIsDeletedAndSentOnce() throws Exception {
        ResultSpool spool = new ResultSpool(state);
        spool.write(ResultSpoolTest.result(7, "succeeded"));

        assertThat(sender(spool).sendPending()).isTrue();
        assertThat(sender(spool).sendPending()).isTrue();

        assertThat(controller.results).hasSize(1);
        assertThat(controller.results.get(0).attemptId()).isEqualTo(7);
        assertThat(controller.authorizations).containsOnly("Bearer drv_agent");
        assertThat(spool.pending()).isEmpty();
        assertThat(printed.toString()).contains("attempt 7: result delivered (recorded)");
    }

    @Test
    void aRefusedTokenKeepsEveryResultAcrossARestartUntilItIsAccepted() throws Exception {
        ResultSpool spool = new ResultSpool(state);
        spool.write(ResultSpoolTest.result(7, "succeeded"));
        spool.write(ResultSpoolTest.result(8, "code"));
        controller.resultStatus = 401;

        assertThat(sender(spool).sendPending()).isFalse();
        assertThat(spool.pending()).containsExactly(7L, 8L);
        assertThat(printed.toString()).contains("refused this agent's token").contains("keeping 2 result(s)");

        controller.resultStatus = 200;
        ResultSpool afterRestart = new ResultSpool(state);
        assertThat(sender(afterRestart).sendPending()).isTrue();
        assertThat(afterRestart.pending()).isEmpty();
    }

    @Test
    void anUnknownAttemptIsDroppedWithAWarningAndARejectedResultSetAside() throws Exception {
        ResultSpool spool = new ResultSpool(state);
        spool.write(ResultSpoolTest.result(7, "succeeded"));
        controller.resultStatus = 404;
        assertThat(sender(spool).sendPending()).isTrue();
        assertThat(spool.pending()).isEmpty();
        assertThat(printed.toString()).contains("warning: attempt 7: the controller does not know this attempt (404");

        spool.write(ResultSpoolTest.result(8, "succeeded"));
        controller.resultStatus = 422;
        assertThat(sender(spool).sendPending()).isTrue();
        assertThat(state.resolve("results/rejected/8.json")).exists();
    }

    @Test
    void anUnreachableOrFailingControllerKeepsThem() throws Exception {
        ResultSpool spool = new ResultSpool(state);
        spool.write(ResultSpoolTest.result(7, "succeeded"));
        controller.resultStatus = 503;
        assertThat(sender(spool).sendPending()).isFalse();

        controller.close();
        assertThat(sender(spool).sendPending()).isFalse();
        assertThat(spool.pending()).containsExactly(7L);
        assertThat(printed.toString()).contains("cannot take results now (503").contains("cannot reach the controller");
    }
}
