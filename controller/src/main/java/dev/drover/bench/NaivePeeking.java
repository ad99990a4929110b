package dev.drover.bench;

/**
 * The negative control: the fixed-horizon tests (alpha / 2 each) repeated every {@code peekEvery} judged
 * jobs per arm, rolling back at the first rejection, up to the monitoring cap, where it promotes. Not
 * valid: repeated looks inflate its false rollbacks far past the budget.
 */
final class NaivePeeking implements Procedure {
    private final Design design;
    private final Arms arms = new Arms();
    private int nextLook;

    NaivePeeking(Design design) {
        this.design = design;
        this.nextLook = Math.min(design.peekEvery(), design.cap());
    }

    @Override
    public Decision completed(Job job) {
        if (!arms.add(job) || arms.perArm() < nextLook) {
            return Decision.CONTINUE;
        }
        nextLook = Math.min(nextLook + design.peekEvery(), design.cap()); // the last look is at the cap
        return arms.fixedLook(design.alphaPerGate(), arms.perArm() >= design.cap() ? Decision.PROMOTE
                : Decision.CONTINUE);
    }
}
