package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The controller's API as the CLI sees it: JSON in, JSON out, problems turned into {@link CliFailure}s. For a
 * terminal, text in the answers is made printable: control characters (an escape sequence in a lock's reason, a
 * carriage return in an audit path) become {@code ?}, so what others wrote cannot drive the operator's terminal.
 * JSON output needs none of it: the JSON writer escapes them.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every control character but tab and line feed: C0, DEL and C1. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F]");

    private final URI server;
    private final String token;
    private final HttpClient http;
    private final boolean terminal;

    public ApiClient(URI server, String token) {
        this(server, token, false);
    }

    /** @param terminal whether answers are printed as text (tables, fields) rather than JSON */
    public ApiClient(URI server, String token, boolean terminal) {
        this.server = server;
        this.token = token;
        this.terminal = terminal;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    /** A plain-text answer (e.g. a log), as it is. */
    public String getText(String path) {
        return exchange(request(path).setHeader("Accept", "text/plain").GET().build()).body();
    }

    public JsonNode post(String path, Object body, String reason) {
        return send(withReason(request(path), reason)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build());
    }

    public JsonNode delete(String path, String reason) {
        return send(withReason(request(path), reason).DELETE().build());
    }

    /** The reason travels as a header so the audit log has it even when the call is refused. */
    private static HttpRequest.Builder withReason(HttpRequest.Builder builder, String reason) {
        return reason == null || reason.isBlank() ? builder : builder.header("X-Drover-Reason", reason);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.trim());
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        return parse(exchange(request).body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliFailure(ExitCodes.FAILURE, "cannot reach the controller at " + server
                    + ": is it running? (start one with ./drover up, or set --server / DROVER_URL)");
        } catch (HttpTimeoutException e) {
            throw new CliFailure(ExitCodes.FAILURE, "the controller at " + server + " did not answer in time");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.FAILURE, "talking to " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILURE, "interrupted");
        }
        if (response.statusCode() >= 400) {
            throw new CliFailure(ExitCodes.ofHttpStatus(response.statusCode()), describe(response.statusCode(),
                    parse(response.body())));
        }
        return response;
    }

    private static String describe(int status, JsonNode problem) {
        String title = problem.path("title").asText("HTTP " + status);
        String detail = problem.path("detail").asText("");
        return title + " (" + status + ")" + (detail.isEmpty() ? "" : ": " + detail);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            node = JSON.getNodeFactory().textNode(text);
        }
        return terminal ? printable(node) : node;
    }

    /** The same tree with every text's control characters (but tab and line feed) shown as {@code ?}. */
    static JsonNode printable(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return UNPRINTABLE.matcher(text).find() ? TextNode.valueOf(UNPRINTABLE.matcher(text).replaceAll("?")) : node;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(printable(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(printable(TextNode.valueOf(field.getKey())).asText(),
                    printable(field.getValue())));
            return copy;
        }
        return node;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
