package dev.drover.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one canary's job stream for a scenario and a seed: the same (scenario, seed) gives the same
 * stream. Jobs arrive as a Poisson process and go to the candidate with probability {@code share}; each
 * attempt draws the same random numbers in the same order whatever the scenario, so scenarios differ only
 * where their parameters differ. An attempt lost to the infrastructure is retried (up to 3 times) from the
 * moment it was lost. Jobs arrive until each arm has {@link Scenario#cap()} judged attempts.
 */
public final class Simulator {
    static final int MAX_RETRIES = 3;
    /** Infra bursts: 10-minute slots in which this fraction of attempts are lost. */
    static final double BURST_LOSS = 0.5;
    static final double SLOTS_PER_HOUR = 6;

    private final Scenario s;
    private final long seed;
    private final double tailShift;
    private final double tailWeight;
    private final double runHours;
    private final double driftHours;
    private final List<Double> agentLosses = new ArrayList<>();
    private final SplittableRandom lossClock;

    public Simulator(Scenario scenario, long seed) {
        this.s = scenario;
        this.seed = seed;
        this.tailShift = scenario.tailOnly() ? TailMixture.logFactor(scenario.sigmaLog(), scenario.tailAt()) : 0;
        this.tailWeight = TailMixture.weight(scenario.tailAt());
        double minorityJudgedPerHour = scenario.jobsPerHour() * Math.min(scenario.share(), 1 - scenario.share())
                * (1 - scenario.infraRate());
        this.runHours = scenario.cap() / minorityJudgedPerHour;
        this.driftHours = scenario.driftAt() * runHours;
        this.lossClock = new SplittableRandom(Seeds.mix(seed ^ 0x5eed_a6e7L));
    }

    public CanaryStream stream() {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Job> jobs = new ArrayList<>();
        int[] judged = new int[Arm.values().length];
        int cap = s.cap();
        double t = 0;
        while (judged[0] < cap || judged[1] < cap) {
            t += -Math.log(1 - rnd.nextDouble()) / s.jobsPerHour();
            Arm arm = rnd.nextDouble() < s.share() ? Arm.CANDIDATE : Arm.BASELINE;
            double start = t;
            int first = jobs.size();
            for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
                Job job = attempt(jobs.size(), first, arm, start, rnd);
                jobs.add(job);
                if (job.outcome().judged()) {
                    judged[arm.ordinal()]++;
                    break;
                }
                start = job.endHours();
            }
        }
        return new CanaryStream(jobs);
    }

    private Job attempt(int id, int jobId, Arm arm, double start, SplittableRandom rnd) {
        double z = gaussian(rnd);
        double uTail = rnd.nextDouble();
        double uInfra = rnd.nextDouble();
        double uCut = rnd.nextDouble();
        double uFail = rnd.nextDouble();
        double zMem = gaussian(rnd);
        boolean cand = arm == Arm.CANDIDATE;
        double minutes = s.medianMinutes() * Math.exp(s.sigmaLog() * z);
        if (cand) {
            minutes *= s.durationFactor();
            if (s.tailOnly() && uTail < tailWeight && z > 0) {
                minutes *= Math.exp(tailShift * s.sigmaLog());
            }
        }
        if (start >= driftHours && s.drift() > 0) {
            minutes *= 1 + s.drift();
        }
        double memory = Math.exp(s.memorySigma() * zMem) * (cand ? s.memoryFactor() : 1);
        Outcome outcome = Outcome.SUCCESS;
        double lostAt = agentLost(id, start, start + minutes / 60);
        if (uInfra < infraRate(arm, start)) {
            outcome = Outcome.INFRA_FAILURE;
            minutes *= uCut;
        } else if (!Double.isNaN(lostAt)) {
            outcome = Outcome.INFRA_FAILURE;
            minutes = (lostAt - start) * 60;
        } else if (s.oomLimit() > 0 && memory > s.oomLimit()) {
            outcome = Outcome.OOM;
            minutes *= uCut;
        } else if (uFail < s.failureRate(arm)) {
            outcome = Outcome.CODE_FAILURE;
            double after = s.failAfter(arm);
            minutes = Double.isNaN(after) ? minutes : after;
        }
        double end = start + minutes / 60;
        return new Job(id, arm, start, end, outcome, minutes, memory, minutes / 60 * s.pricePerHour(), jobId);
    }

    private double infraRate(Arm arm, double atHours) {
        InfraPattern p = s.infra();
        if (!p.hits(arm) || atHours < p.from() * runHours || atHours >= p.to() * runHours) {
            return 0;
        }
        if (!s.infraBursts()) {
            return s.infraRate();
        }
        long slot = (long) (atHours * SLOTS_PER_HOUR);
        double u = new SplittableRandom(Seeds.mix(seed ^ Seeds.mix(slot + 1))).nextDouble();
        return u < s.infraRate() / BURST_LOSS ? BURST_LOSS : 0;
    }

    /**
     * When the agent running attempt {@code id} from {@code start} to {@code end} was lost, or NaN: whole agents
     * are lost at the times of a Poisson process, each taking the attempts it runs (a share of them, decided per
     * attempt and loss by a hash, so no attempt's own draws move).
     */
    private double agentLost(int id, double start, double end) {
        double rate = s.infra().agentLosses();
        if (rate <= 0) {
            return Double.NaN;
        }
        while (agentLosses.isEmpty() || agentLosses.get(agentLosses.size() - 1) < end) {
            double last = agentLosses.isEmpty() ? 0 : agentLosses.get(agentLosses.size() - 1);
            agentLosses.add(last - Math.log(1 - lossClock.nextDouble()) / rate);
        }
        for (int i = 0; i < agentLosses.size() && agentLosses.get(i) < end; i++) {
            double at = agentLosses.get(i);
            if (at > start && hashUniform(i, id) < s.infra().agentShare()) {
                return at;
            }
        }
        return Double.NaN;
    }

    private double hashUniform(int loss, int attempt) {
        return (Seeds.mix(seed ^ Seeds.mix(((long) loss << 32) ^ attempt ^ 0x9e37_79b9L)) >>> 11) * 0x1.0p-53;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, its second value dropped, so every attempt consumes exactly two numbers here
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
