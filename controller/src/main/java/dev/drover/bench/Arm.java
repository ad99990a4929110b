package dev.drover.bench;

/** Which version a simulated job ran: the candidate (canary) or the baseline it is compared with. */
public enum Arm {
    CANDIDATE,
    BASELINE
}
