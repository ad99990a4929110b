package dev.drover.bench;

import static dev.drover.bench.Arm.BASELINE;
import static dev.drover.bench.Arm.CANDIDATE;
import static dev.drover.bench.Outcome.CODE_FAILURE;
import static dev.drover.bench.Outcome.INFRA_FAILURE;
import static dev.drover.bench.Outcome.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnchorsTest {
    /** N_FH 10, cap 30, Argo windows of 5 failing above 1 failure, peeks every 5. */
    private static final Design TINY = new Design(10, 30, 0.05, 2, 0.02, 10, 1, 5, 2, 0.2, 5, 0.5);

    @Test
    void fixedHorizonLooksOnceWhenBothArmsHaveNfhJudgedJobs() {
        Feed feed = new Feed(new FixedHorizon(TINY));
        feed.job(CANDIDATE, INFRA_FAILURE, 3); // not judged: does not count
        assertThat(feed.pairs(9, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(feed.job(CANDIDATE, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(feed.job(BASELINE, SUCCESS, 10)).isEqualTo(Decision.PROMOTE);
    }

    @Test
    void fixedHorizonRollsBackOnFailuresOrDurationsAtItsLook() {
        assertThat(new Feed(new FixedHorizon(TINY)).pairs(10, CODE_FAILURE, 10, SUCCESS, 10))
                .isEqualTo(Decision.rollback(Design.FAILURE_RATE));
        assertThat(new Feed(new FixedHorizon(TINY)).pairs(10, SUCCESS, 100, SUCCESS, 10))
                .isEqualTo(Decision.rollback(Design.DURATION));
        Feed early = new Feed(new FixedHorizon(TINY));
        assertThat(early.pairs(9, CODE_FAILURE, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
    }

    @Test
    void kayentaLikeLooksAtAThirdTwoThirdsAndTheHorizon() {
        Feed good = new Feed(new KayentaLike(TINY));
        assertThat(good.pairs(9, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(good.pairs(1, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.PROMOTE);

        Feed bad = new Feed(new KayentaLike(TINY));
        assertThat(bad.pairs(2, CODE_FAILURE, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        // 3 of 3 against 0 of 3: z = 2.45 > 2.33, the first look (N_FH / 3 = 3 per arm) fails
        assertThat(bad.pairs(1, CODE_FAILURE, 10, SUCCESS, 10)).isEqualTo(Decision.rollback(Design.FAILURE_RATE));
    }

    @Test
    void argoStyleRollsBackWhenFailedWindowsExceedTheFailureLimit() {
        Design argo = new Design(20, 60, 0.05, 2, 0.02, 10, 1, 5, 2, 0.2, 5, 0.5); // 4 windows of 5
        Feed feed = new Feed(new ArgoStyle(argo));
        for (int window = 0; window < 2; window++) { // two failing windows: 2 failures > 1 allowed
            feed.job(CANDIDATE, CODE_FAILURE, 10);
            feed.job(CANDIDATE, CODE_FAILURE, 10);
            assertThat(feed.pairs(3, SUCCESS, 10, CODE_FAILURE, 10)).isEqualTo(Decision.CONTINUE);
        }
        feed.job(CANDIDATE, SUCCESS, 10);
        feed.job(CANDIDATE, CODE_FAILURE, 10); // one failure: this window passes
        assertThat(feed.pairs(3, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        feed.job(CANDIDATE, CODE_FAILURE, 10);
        feed.job(CANDIDATE, CODE_FAILURE, 10);
        feed.job(CANDIDATE, SUCCESS, 10);
        feed.job(CANDIDATE, SUCCESS, 10);
        // the third failed measurement exceeds failureLimit 2
        assertThat(feed.job(CANDIDATE, SUCCESS, 10)).isEqualTo(Decision.rollback(Design.FAILURE_RATE));
    }

    @Test
    void argoStylePromotesAfterNfhOverWMeasurementsAndCalibratesItsThresholds() {
        Feed feed = new Feed(new ArgoStyle(TINY));
        assertThat(feed.pairs(9, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(feed.job(CANDIDATE, SUCCESS, 10)).isEqualTo(Decision.PROMOTE);

        ArgoThresholds auto = ArgoThresholds.of(Design.of(Scenario.BASE));
        assertThat(auto.maxFailures()).isEqualTo(2); // more than 2 failures in 20 jobs (10%) fails a window
        assertThat(auto.maxMedianMinutes()).isBetween(10.0, 30.0);
    }

    @Test
    void naivePeekingLooksEveryPeekAndPromotesOnlyAtTheCap() {
        Feed feed = new Feed(new NaivePeeking(TINY));
        assertThat(feed.pairs(29, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(feed.pairs(1, SUCCESS, 10, SUCCESS, 10)).isEqualTo(Decision.PROMOTE);

        Feed bad = new Feed(new NaivePeeking(TINY));
        assertThat(bad.pairs(4, SUCCESS, 100, SUCCESS, 10)).isEqualTo(Decision.CONTINUE);
        assertThat(bad.pairs(1, SUCCESS, 100, SUCCESS, 10)).isEqualTo(Decision.rollback(Design.DURATION));
    }
}
