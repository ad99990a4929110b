package dev.drover.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.protocol.AttemptResult;
import dev.drover.agent.protocol.HeartbeatAnswer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lease fencing, drain and cancel, with a clock the test moves and attempts that run until stopped. */
class HeartbeatsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));
    private final FakeRunner runner = new FakeRunner();
    private final List<AttemptResult> results = new CopyOnWriteArrayList<>();
    private final StringWriter printed = new StringWriter();
    private final Gate gate = new Gate();
    private FakeController controller;
    private Attempts attempts;
    private Heartbeats heartbeats;

    @BeforeEach
    void start() throws IOException {
        controller = new FakeController();
        attempts = new Attempts(2, runner, results::add, gate, clock);
        heartbeats = new Heartbeats(new ControllerClient(URI.create(controller.url()), "drv_agent"), attempts, List::of, gate,
                new Lease(clock, Duration.ofSeconds(30)), new Console(new PrintWriter(printed), new PrintWriter(printed)));
    }

    @AfterEach
    void stop() {
        runner.finishAll();
        controller.close();
    }

    @Test
    void withoutAnAnsweredHeartbeatForLongerThanTheLeaseEveryAttemptIsStoppedAndNoWorkTaken() {
        attempts.start(TestAssignments.shell("img", "true"));
        attempts.start(TestAssignments.shell("img", "true"));

        clock.advance(Duration.ofSeconds(30));
        heartbeats.checkLease();
        assertThat(gate.closedBecause()).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        heartbeats.checkLease();
        await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 2);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo("agent-lost");
            assertThat(result.detail()).isEqualTo("lease lost: the controller was unreachable for 35s");
        });
        assertThat(gate.closedBecause()).hasValueSatisfying(why -> assertThat(why).contains("lease is lost"));
        assertThat(printed.toString()).contains("lease lost: no heartbeat answered for 35s (lease 30s); stopped 2 attempt(s)");

        heartbeats.beat();
        assertThat(gate.closedBecause()).isEmpty();
        assertThat(printed.toString()).contains("lease renewed: taking work again");
    }

    @Test
    void aHeartbeatSaysWhatRunsAndItsAnswerDrainsAndCancels() {
        long first = TestAssignments.nextId();
        attempts.start(TestAssignments.shell("img", "true"));
        List<Long> running = attempts.running();
        controller.answer = new HeartbeatAnswer(true, List.of(running.get(0), first + 1_000_000));

        heartbeats.beat();

        assertThat(controller.heartbeats.get(0).running()).isEqualTo(running);
        await().atMost(Duration.ofSeconds(5)).until(() -> results.size() == 1);
        assertThat(results.get(0).outcome()).isEqualTo("cancelled");
        assertThat(gate.closedBecause()).hasValueSatisfying(why -> assertThat(why).contains("drain"));

        controller.answer = new HeartbeatAnswer(false, List.of());
        heartbeats.beat();
        assertThat(gate.closedBecause()).isEmpty();
        assertThat(printed.toString()).contains("draining").contains("drain lifted");
    }

    @Test
    void aFailedHeartbeatDoesNotRenewTheLease() {
        controller.heartbeatStatus = 503;
        clock.advance(Duration.ofSeconds(20));
        heartbeats.beat();
        clock.advance(Duration.ofSeconds(20));
        heartbeats.checkLease();

        assertThat(gate.leaseLost()).isTrue();
        assertThat(printed.toString()).contains("heartbeat failed: the controller answered 503");
    }
}
