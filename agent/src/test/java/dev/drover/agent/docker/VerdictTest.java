package dev.drover.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.StopRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerdictTest {

    @ParameterizedTest(name = "timedOut={0} stoppedFor={1} oom={2} exit={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
        "false, -,         false, 0,   SUCCEEDED",
        "false, -,         false, 3,   CODE",
        "false, -,         true,  137, OOM",
        "false, -,         false, -,   INFRA",
        "true,  -,         false, 137, TIMEOUT",
        "true,  CANCELLED, true,  137, TIMEOUT",
        "false, CANCELLED, false, 143, CANCELLED",
        "false, SPOT_INTERRUPTION, true, 137, SPOT_INTERRUPTION",
        "false, AGENT_LOST, false, 0,  AGENT_LOST",
    })
    void whatTheAgentDidComesFirstThenTheKernelThenTheExitCode(boolean timedOut, Outcome stoppedFor, boolean oom,
                                                               Integer exit, Outcome expected) {
        Optional<StopRequest.Reason> stop = Optional.ofNullable(stoppedFor)
                .map(outcome -> new StopRequest.Reason(outcome, "because", Duration.ZERO));

        assertThat(Verdict.of(timedOut, 5, stop, oom, exit, 16L << 20).outcome()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "false, 3,   exited with code 3",
        "true,  137, killed for using more memory than its limit of 16 MiB",
    })
    void saysWhatHappenedInWords(boolean oom, int exit, String detail) {
        assertThat(Verdict.of(false, 0, Optional.empty(), oom, exit, 16L << 20).detail()).isEqualTo(detail);
    }
}
