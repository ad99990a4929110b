package dev.drover.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The agent's HTTP link to its controller. The agent opens every connection; it has no inbound port. */
public final class ControllerLink {
    static final String REGISTER_PATH = "api/v1/agents";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControllerLink(URI server, String token) {
        this.server = server.toString().endsWith("/") ? server : URI.create(server + "/");
        this.token = token;
    }

    /** The controller's answer to a registration: its HTTP status and body. */
    public record Answer(int status, String body) {
    }

    public Answer register(Registration registration) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(REGISTER_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(registration)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new ConnectException("cannot reach the controller at " + server + ": is it running, and is --server right?");
        }
    }

    public URI server() {
        return server;
    }
}
