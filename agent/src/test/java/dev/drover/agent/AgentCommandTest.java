package dev.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The agent command against a real HTTP server on loopback that answers as a controller would. */
class AgentCommandTest {
    private HttpServer server;
    private final AtomicReference<Integer> status = new AtomicReference<>(404);
    private final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/agents", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Run(int code, String out, String err) {
    }

    private Run agent(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AgentCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void registersItsSlotsLabelsAndGpusWithItsToken() {
        status.set(201);
        Run run = agent("--server", url(), "--token", "drv_agent", "--slots", "4", "--labels", "capacity=spot",
                "--nvidia-smi", "/nonexistent/nvidia-smi");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("slots=4").contains("capacity=spot").contains("gpus=none");
        assertThat(received.get()).startsWith("Bearer drv_agent ")
                .contains("\"slots\":4").contains("\"labels\":{\"capacity\":\"spot\"}").contains("\"gpus\":[]");
    }

    @Test
    void aControllerWithoutAgentRegistrationIsNamedAsTooOld() {
        Run run = agent("--server", url(), "--token", "drv_agent", "--nvidia-smi", "/nonexistent/nvidia-smi");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("does not offer agent registration").contains("upgrade it");
    }

    @Test
    void aRefusedTokenExitsWith3() {
        status.set(401);
        assertThat(agent("--server", url(), "--token", "bad", "--nvidia-smi", "/x").code()).isEqualTo(3);
    }

    @Test
    void badUsageExitsWith2SayingWhatIsWrong() {
        Run labels = agent("--server", url(), "--token", "t", "--labels", "capacity=cheap");
        assertThat(labels.code()).isEqualTo(2);
        assertThat(labels.err()).contains("capacity=cheap must be spot or on-demand");

        assertThat(agent("--server", url(), "--token", "t", "--slots", "0").code()).isEqualTo(2);
        assertThat(agent("--server", url(), "--token", "").err()).contains("DROVER_AGENT_TOKEN");
    }
}
