package dev.drover.bench;

import dev.drover.judge.PairStream;
import dev.drover.judge.PairedEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drover's sequential judge ({@link dev.drover.judge.SequentialJudge}) as a benchmark procedure, job by
 * job: the same pairing ({@link PairStream} over the resolved prefix: a job enters once every job
 * dispatched before it has ended) and the same evidence ({@link PairedEvidence}) on the failure-rate and
 * duration gates, at tolerance 1 (the benchmark's null is "no worse"), each at alpha / 2. It rolls back
 * as soon as a gate's evidence reaches 2 / alpha and promotes at the fixed schedule: N_FH pairs.
 */
final class DroverSequential implements Procedure {
    private final Design design;
    private final double bound;
    private final PairedEvidence evidence = PairedEvidence.of(1);
    private final List<Job> byDispatch = new ArrayList<>();
    private final List<Boolean> candidateAt = new ArrayList<>();
    private final Map<Integer, Integer> position = new HashMap<>();
    private final PairStream<Job> stream = new PairStream<>();
    private int resolved;
    private int pairs;
    private int failUp;
    private int failDown;
    private int slowUp;
    private int slowDown;

    DroverSequential(Design design) {
        this.design = design;
        this.bound = Math.log(1 / design.alphaPerGate());
    }

    @Override
    public void started(Dispatch job) {
        position.put(job.id(), byDispatch.size());
        byDispatch.add(null);
        candidateAt.add(job.arm() == Arm.CANDIDATE);
    }

    @Override
    public Decision completed(Job job) {
        Integer at = position.get(job.id());
        if (at == null) { // never announced: take it as dispatched now
            started(job.dispatch());
            at = position.get(job.id());
        }
        byDispatch.set(at, job);
        boolean grew = false;
        while (resolved < byDispatch.size() && byDispatch.get(resolved) != null) {
            Job next = byDispatch.get(resolved);
            resolved++;
            if (next.outcome().judged()) {
                grew |= stream.add(candidateAt.get(resolved - 1), next).map(this::count).orElse(false);
            }
        }
        if (!grew) {
            return Decision.CONTINUE;
        }
        if (evidence.logFactor(failUp, failDown) >= bound) {
            return Decision.rollback(Design.FAILURE_RATE);
        }
        if (evidence.logFactor(slowUp, slowDown) >= bound) {
            return Decision.rollback(Design.DURATION);
        }
        return pairs >= design.nfh() ? Decision.PROMOTE : Decision.CONTINUE;
    }

    private boolean count(PairStream.Pair<Job> pair) {
        pairs++;
        boolean c = pair.candidate().outcome().codeFailure();
        boolean b = pair.baseline().outcome().codeFailure();
        failUp += c && !b ? 1 : 0;
        failDown += b && !c ? 1 : 0;
        if (pair.candidate().outcome() == Outcome.SUCCESS && pair.baseline().outcome() == Outcome.SUCCESS) {
            double cd = pair.candidate().durationMinutes();
            double bd = pair.baseline().durationMinutes();
            slowUp += cd > bd ? 1 : 0;
            slowDown += cd < bd ? 1 : 0;
        }
        return true;
    }
}
