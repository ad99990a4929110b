package dev.drover.api;

import dev.drover.judge.ArmCount;
import dev.drover.judge.GateVerdict;
import dev.drover.judge.TierVerdict;
import dev.drover.rollout.DeployLock;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.StageRecord;
import dev.drover.spec.StageSpec;
import java.time.Instant;
import java.util.List;

/** Rollouts, stages, verdicts, events and the lock as the API shows them. The verdict format is frozen. */
final class RolloutViews {
    private RolloutViews() {
    }

    /** A rollout; {@code stages} is the number of stages of its policy (0 while queued). */
    record RolloutView(long id, int revision, Integer fromRevision, String state, int stage, int stages, String note,
                       boolean automatic, boolean forced, String requestedBy, String reason, Instant requestedAt,
                       Instant startedAt, Instant finishedAt) {
        static RolloutView of(Rollout r) {
            return new RolloutView(r.id(), r.revision(), r.fromRevision(), r.state().wireName(), r.stage() + 1,
                    r.policy() == null ? 0 : r.policy().stages().size(), r.note(), r.automatic(), r.forced(),
                    r.requestedBy(), r.reason(), r.requestedAt(), r.startedAt(), r.finishedAt());
        }
    }

    /** A rollout with its policy's stages and what each did. */
    record RolloutDetail(RolloutView rollout, List<StagePlan> plan, List<StageView> stages) {
    }

    record StagePlan(int stage, List<String> tiers, long bakeSeconds, int minJobs, double split, long deadlineSeconds) {
        static StagePlan of(int index, StageSpec s) {
            return new StagePlan(index + 1, s.tiers(), s.bake().toSeconds(), s.minJobs(), s.split(),
                    s.deadline().toSeconds());
        }
    }

    record StageView(int stage, List<String> tiers, Instant startedAt, Instant endedAt, String outcome,
                     List<TierVerdictView> verdicts) {
        static StageView of(StageRecord s) {
            return new StageView(s.stage() + 1, s.tiers(), s.startedAt(), s.endedAt(), s.outcome(),
                    s.verdicts().stream().map(TierVerdictView::of).toList());
        }
    }

    record TierVerdictView(String tier, String state, List<GateVerdictView> gates) {
        static TierVerdictView of(TierVerdict v) {
            return new TierVerdictView(v.tier(), v.state().wireName(), v.gates().stream().map(GateVerdictView::of).toList());
        }
    }

    /** One gate on one tier: state ({@code pending}, {@code pass}, {@code fail}, {@code no-data}) and its evidence. */
    record GateVerdictView(String gate, String state, String reason, ArmCount candidate, ArmCount baseline,
                           Double estimate, Double statistic, Double threshold, String sentence) {
        static GateVerdictView of(GateVerdict g) {
            return new GateVerdictView(g.gate(), g.state().wireName(), g.reason(), g.candidate(), g.baseline(),
                    g.estimate(), g.statistic(), g.threshold(), g.sentence());
        }
    }

    record LockView(boolean locked, String kind, String lockedBy, String reason, Instant lockedAt) {
        static LockView of(DeployLock l) {
            return new LockView(l.locked(), l.kind() == null ? null : l.kind().wireName(), l.lockedBy(), l.reason(),
                    l.lockedAt());
        }
    }

    record EventView(long id, Long rolloutId, String kind, String message, Instant at) {
        static EventView of(RolloutEvent e) {
            return new EventView(e.id(), e.rolloutId(), e.kind().wireName(), e.message(), e.at());
        }
    }
}
