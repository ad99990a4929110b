package dev.drover.bench;

import dev.drover.judge.FailurePassRule;
import dev.drover.judge.LabelEvidence;
import dev.drover.judge.Mark;
import dev.drover.judge.MarkTrail;
import dev.drover.judge.PairStream;
import dev.drover.judge.PairedEvidence;
import dev.drover.judge.QuantileBlocks;
import dev.drover.spec.FailureRateGate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drover's sequential judge ({@link dev.drover.judge.SequentialJudge}) as a benchmark procedure, job by
 * job, with the same parts: attempts paired in dispatch order ({@link PairStream}), each pair marked per
 * test ({@link Mark}, still-running jobs at their worst) and the evidence read from a {@link MarkTrail}; the
 * code-failure test reads the labels of every job instead, in dispatch order of its first attempt, with the
 * scenario's known split ({@link LabelEvidence}; a job lost to the infrastructure waits for its retry), as the
 * controller does when a tier's split is known ({@value #PAIRS}: on pairs, as before).
 * The failure-rate gate gets alpha / 2; the duration gate's alpha / 2 is split between its quantiles, the
 * median (pairs) and p95 (blocks of {@link QuantileBlocks#size} pairs), as a {@code drover.yaml} with the
 * default {@code quantiles: [0.5, 0.95]} does. Tolerance 1: the benchmark's null is "no worse". It rolls
 * back as soon as a test's evidence reaches its bound, and passes as the controller's judge does: once it has
 * N_FH usable pairs of judged jobs (a pair with an attempt lost to the infrastructure does not count), the
 * candidate's failures among them consistent with the baseline's plus the default floor (5 points:
 * {@link FailurePassRule}), and no test's
 * evidence leaning toward a regression (its Bayes factor over the finished pairs above 1). Otherwise it
 * watches on, and a replication that ends so has no verdict (in production the stage's deadline pauses such
 * a rollout for a person).
 */
final class DroverSequential implements Procedure {
    /** The judge before the label test: the failure test on pairs, as with an unknown split. */
    static final String PAIRS = "drover-pairs";

    static final double[] QUANTILES = {0.5, 0.95};
    /** The controller's pass rule at the benchmark's tolerance of 1 and the default floor. */
    private static final FailureRateGate PASS_RULE = new FailureRateGate(1);

    private final Design design;
    private final double failureBound;
    private final double durationBound;
    private final PairStream<Dispatch> stream = new PairStream<>();
    private final Map<Integer, Integer> pairOf = new HashMap<>();
    private final List<Dispatch[]> pairs = new ArrayList<>();
    private final Map<Integer, Job> ended = new HashMap<>();
    private final MarkTrail failures = new MarkTrail(PairedEvidence.forRates(1));
    private final MarkTrail[] durations = new MarkTrail[QUANTILES.length];
    private final int[] blockSizes = new int[QUANTILES.length];
    private final Set<Integer> overdue = new TreeSet<>();
    private final BitSet settled = new BitSet();
    private final MarkTrail labels;
    private final Map<Integer, Integer> unitOf = new HashMap<>();
    private final Map<Integer, Integer> lost = new HashMap<>();
    private int usable;
    private int candidateFailed;
    private int baselineFailed;

    DroverSequential(Design design) {
        this(design, true);
    }

    /** @param labels the failure test on labels with the known split, instead of on pairs */
    DroverSequential(Design design, boolean labels) {
        this.design = design;
        this.labels = labels ? new MarkTrail(LabelEvidence.forRates(1, design.share())) : null;
        this.failureBound = Math.log(1 / design.alphaPerGate());
        this.durationBound = Math.log(QUANTILES.length / design.alphaPerGate());
        for (int q = 0; q < QUANTILES.length; q++) {
            durations[q] = new MarkTrail(PairedEvidence.forValues());
            blockSizes[q] = QuantileBlocks.size(QUANTILES[q]);
        }
    }

    @Override
    public void started(Dispatch job) {
        if (labels != null && job.first()) {
            unitOf.put(job.jobId(), labels.add(job.arm() == Arm.CANDIDATE ? Mark.PENDING_NONE : Mark.PENDING_DOWN));
        }
        stream.add(job.arm() == Arm.CANDIDATE, job).ifPresent(pair -> {
            int index = pairs.size();
            pairs.add(new Dispatch[] {pair.candidate(), pair.baseline()});
            pairOf.put(pair.candidate().id(), index);
            pairOf.put(pair.baseline().id(), index);
            failures.add(Mark.PENDING_DOWN);
            for (int q = 0; q < QUANTILES.length; q++) {
                if (index % blockSizes[q] == 0) {
                    durations[q].add(Mark.PENDING_DOWN);
                }
            }
            mark(index, job.atHours());
        });
    }

    @Override
    public Decision completed(Job job) {
        ended.put(job.id(), job);
        Integer index = pairOf.get(job.id());
        if (index != null) { // else dropped by the pairing
            mark(index, job.endHours());
        }
        for (var it = overdue.iterator(); it.hasNext(); ) { // still running, and already longer than its partner?
            int i = it.next();
            mark(i, job.endHours());
            if (durations[0].markAt(i) != Mark.PENDING_DOWN) {
                it.remove();
            }
        }
        MarkTrail failureTest = labels == null ? failures : labels;
        if (labels != null) {
            label(job);
        }
        if (failureTest.logEvidence() >= failureBound) {
            return Decision.rollback(Design.FAILURE_RATE);
        }
        boolean leaning = failureTest.leaning();
        for (MarkTrail t : durations) {
            if (t.logEvidence() >= durationBound) {
                return Decision.rollback(Design.DURATION);
            }
            leaning |= t.leaning();
        }
        boolean within = FailurePassRule.consistent(candidateFailed, baselineFailed, usable, PASS_RULE);
        return usable >= design.nfh() && within && !leaning ? Decision.PROMOTE : Decision.CONTINUE;
    }

    /** A job's label once its last attempt ends: a loss to the infrastructure waits for the retry, if one comes. */
    private void label(Job job) {
        Integer unit = unitOf.get(job.jobId());
        if (unit == null) {
            return;
        }
        if (job.outcome().judged()) {
            boolean failed = job.outcome().codeFailure();
            labels.set(unit, !failed ? Mark.NONE : job.candidate() ? Mark.UP : Mark.DOWN);
        } else if (lost.merge(job.jobId(), 1, Integer::sum) > Simulator.MAX_RETRIES) {
            labels.set(unit, Mark.NONE);
        }
    }

    private void mark(int index, double now) {
        Dispatch[] pair = pairs.get(index);
        Job c = ended.get(pair[0].id());
        Job b = ended.get(pair[1].id());
        Mark failure = excluded(c) || excluded(b) ? Mark.NONE
                : Mark.of(c == null ? null : c.outcome().codeFailure(), b == null ? null : b.outcome().codeFailure());
        failures.set(index, failure);
        if (c != null && b != null && !settled.get(index)) {
            settled.set(index);
            if (!excluded(c) && !excluded(b)) {
                usable++;
                candidateFailed += c.outcome().codeFailure() ? 1 : 0;
                baselineFailed += b.outcome().codeFailure() ? 1 : 0;
            }
        }
        for (int q = 0; q < QUANTILES.length; q++) {
            int k = blockSizes[q];
            int block = index / k;
            durations[q].set(block, blockMark(block * k, Math.min(pairs.size(), block * k + k), k, now));
        }
    }

    private static boolean excluded(Job j) {
        return j != null && !j.outcome().judged();
    }

    /** A block of pairs, as the controller's judge marks it ({@link QuantileBlocks#mark}); durations in minutes. */
    private Mark blockMark(int from, int to, int k, double now) {
        List<QuantileBlocks.Value> c = new ArrayList<>();
        List<QuantileBlocks.Value> b = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Dispatch[] pair = pairs.get(i);
            c.add(value(pair[0], now));
            b.add(value(pair[1], now));
        }
        Mark mark = QuantileBlocks.mark(c, b, k, 1, true);
        if (k == 1 && mark == Mark.PENDING_DOWN && c.get(0).kind() == QuantileBlocks.Value.Kind.RUNNING
                && b.get(0).kind() == QuantileBlocks.Value.Kind.MEASURED) {
            overdue.add(from); // may overtake its partner while it runs: look again as time passes
        }
        return mark;
    }

    private QuantileBlocks.Value value(Dispatch dispatch, double now) {
        Job job = ended.get(dispatch.id());
        if (job == null) {
            return QuantileBlocks.Value.running((now - dispatch.atHours()) * 60);
        }
        return job.outcome() == Outcome.SUCCESS ? QuantileBlocks.Value.measured(job.durationMinutes())
                : QuantileBlocks.Value.OTHER;
    }
}
