package dev.drover.agent.docker;

import dev.drover.agent.protocol.Outcome;
import dev.drover.agent.run.StopRequest;
import java.util.Optional;

/**
 * How an attempt ended, decided from what the agent did to the container and what the engine says of it. The
 * agent's own doing comes first (it killed it at the timeout, or stopped it for a reason); then the kernel's OOM
 * kill; then the exit code.
 */
record Verdict(Outcome outcome, String detail) {

    static Verdict of(boolean timedOut, long timeoutSeconds, Optional<StopRequest.Reason> stopped, boolean oomKilled,
                      Integer exitCode, Long memoryLimit) {
        if (timedOut) {
            return new Verdict(Outcome.TIMEOUT, "ran past its timeout of " + timeoutSeconds + "s and was killed");
        }
        if (stopped.isPresent()) {
            return new Verdict(stopped.get().outcome(), stopped.get().detail());
        }
        if (oomKilled) {
            return new Verdict(Outcome.OOM, "killed for using more memory than its limit"
                    + (memoryLimit == null || memoryLimit <= 0 ? "" : " of " + memoryLimit / 1048576 + " MiB"));
        }
        if (exitCode == null) {
            return new Verdict(Outcome.INFRA, "the engine did not report an exit code");
        }
        return exitCode == 0 ? new Verdict(Outcome.SUCCEEDED, null) : new Verdict(Outcome.CODE, "exited with code " + exitCode);
    }
}
