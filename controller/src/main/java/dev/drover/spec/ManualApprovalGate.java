package dev.drover.spec;

/** When enabled, a stage that passed its other gates waits for a person ({@code drover promote}). */
public record ManualApprovalGate(boolean enabled) implements Gate {
    public static final ManualApprovalGate DEFAULT = new ManualApprovalGate(false);

    @Override
    public String key() {
        return "manualApproval";
    }

    @Override
    public String describe() {
        return enabled ? "manual approval: each stage waits for drover promote" : "manual approval: off";
    }
}
