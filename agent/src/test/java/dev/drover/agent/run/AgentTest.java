package dev.drover.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.drover.agent.link.ControllerClient;
import dev.drover.agent.protocol.Assignment;
import dev.drover.agent.protocol.AttemptResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's loops against a controller on loopback, with attempts that run until finished or stopped. */
class AgentTest {
    @TempDir
    Path state;
    private final FakeRunner runner = new FakeRunner();
    private final StringWriter printed = new StringWriter();
    private final Gate gate = new Gate();
    private FakeController controller;
    private ResultSpool spool;
    private Thread running;

    @BeforeEach
    void start() throws IOException {
        controller = new FakeController();
        spool = new ResultSpool(state);
    }

    @AfterEach
    void stop() throws InterruptedException {
        runner.finishAll();
        if (running != null) {
            gate.stop();
            running.join(20_000);
        }
        controller.close();
    }

    private Agent agent(Recovery recovery, Duration grace, URI spotNotice) {
        Agent agent = new Agent(new ControllerClient(URI.create(controller.url()), "drv_agent"), controller.terms, runner,
                recovery, spool, gate, new Console(new PrintWriter(printed, true), new PrintWriter(printed, true)),
                Clock.systemUTC(), new Agent.Settings(1, grace, spotNotice, Duration.ofMillis(100)));
        running = new Thread(() -> {
            try {
                agent.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        running.start();
        return agent;
    }

    private static Recovery nothingLeft() {
        return alreadyReported -> List.of();
    }

    @Test
    void runsWhatItIsGivenSaysSoInItsHeartbeatsAndDeliversTheResultOnce() throws InterruptedException {
        Assignment assignment = TestAssignments.shell("img", "true");
        controller.work.add(assignment);
        Agent agent = agent(nothingLeft(), Duration.ofSeconds(5), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> controller.heartbeats.stream()
                .anyMatch(beat -> beat.running().contains(assignment.attemptId())));
        runner.finishAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> controller.results.size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> spool.pending().isEmpty());

        agent.stop();
        running.join(20_000);
        assertThat(running.isAlive()).isFalse();
        assertThat(controller.results).extracting(AttemptResult::attemptId).containsExactly(assignment.attemptId());
        assertThat(controller.workRequests).allSatisfy(request -> assertThat(request.freeSlots()).isEqualTo(1));
        assertThat(printed.toString()).contains("attempt " + assignment.attemptId() + " started: job " + assignment.jobId())
                .contains("attempt " + assignment.attemptId() + " finished: succeeded (exit 0)")
                .contains("result delivered (recorded)").contains("stopped");
    }

    @Test
    void whatTheLastRunLeftIsReportedBeforeWorkIsTaken() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        AtomicBoolean askedAboutTheSpool = new AtomicBoolean();
        Recovery recovery = (LongPredicate alreadyReported) -> {
            askedAboutTheSpool.set(!alreadyReported.test(41));
            return List.of(new AttemptResult(41, "agent-lost", null, at, at, null, null, null, null, null, "agent restarted", ""));
        };
        agent(recovery, Duration.ofSeconds(5), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> controller.results.size() == 1);
        assertThat(controller.results.get(0).detail()).isEqualTo("agent restarted");
        assertThat(askedAboutTheSpool).isTrue();
        assertThat(printed.toString()).contains("recovered 1 attempt(s)");
    }

    @Test
    void aSpotNoticeStopsWhatRunsAndTakesNoMoreWork() throws IOException {
        AtomicBoolean reclaimed = new AtomicBoolean();
        HttpServer metadata = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metadata.createContext("/", exchange -> {
            byte[] body = (reclaimed.get() ? "{\"action\":\"terminate\"}" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reclaimed.get() ? 200 : 404, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metadata.start();
        try {
            Assignment assignment = TestAssignments.shell("img", "true");
            controller.work.add(assignment);
            agent(nothingLeft(), Duration.ofSeconds(5),
                    URI.create("http://127.0.0.1:" + metadata.getAddress().getPort() + "/latest/meta-data/spot/instance-action"));
            await().atMost(Duration.ofSeconds(10)).until(() -> controller.heartbeats.stream()
                    .anyMatch(beat -> beat.running().contains(assignment.attemptId())));

            reclaimed.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> controller.results.size() == 1);
            int asked = controller.workRequests.size();

            assertThat(controller.results.get(0).outcome()).isEqualTo("spot-interruption");
            assertThat(controller.results.get(0).detail()).contains("spot interruption notice").contains("terminate");
            assertThat(gate.closedBecause()).hasValueSatisfying(why -> assertThat(why).contains("spot host"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> controller.workRequests.size() == asked);
        } finally {
            metadata.stop(0);
        }
    }

    @Test
    void stoppingLetsAttemptsFinishForTheGracePeriodThenStopsAndReportsTheRest() throws InterruptedException {
        Assignment assignment = TestAssignments.shell("img", "true");
        controller.work.add(assignment);
        Agent agent = agent(nothingLeft(), Duration.ofSeconds(1), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> controller.heartbeats.stream()
                .anyMatch(beat -> beat.running().contains(assignment.attemptId())));

        agent.stop();
        running.join(20_000);

        assertThat(running.isAlive()).isFalse();
        // Delivery is at-least-once (a send that times out is sent again; the controller keeps the first): one attempt,
        // reported as lost, however many times it was sent.
        assertThat(controller.results).isNotEmpty().allSatisfy(result -> {
            assertThat(result.attemptId()).isEqualTo(assignment.attemptId());
            assertThat(result.outcome()).isEqualTo("agent-lost");
            assertThat(result.detail()).isEqualTo("the agent was stopped before the attempt finished");
        });
        assertThat(printed.toString()).contains("waiting up to 1s for 1 running attempt(s)")
                .contains("stopping 1 attempt(s) that did not finish within the grace period");
    }
}
