package dev.drover.bench;

/** How a simulated attempt ended. */
public enum Outcome {
    SUCCESS,
    /** The code's fault: exit non-zero, timeout. */
    CODE_FAILURE,
    /** The code's fault too: its peak memory went over the limit. */
    OOM,
    /** A spot interruption or lost host: not the code's fault, retried, not judged. */
    INFRA_FAILURE;

    /** Judged attempts are the ones that ran to an end the code is answerable for. */
    public boolean judged() {
        return this != INFRA_FAILURE;
    }

    /** A failure the code is answerable for (what the failure-rate gates count). */
    public boolean codeFailure() {
        return this == CODE_FAILURE || this == OOM;
    }
}
