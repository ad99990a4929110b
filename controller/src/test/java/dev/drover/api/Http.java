package dev.drover.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for tests against the real server: no framework between the test and the wire. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public Reply get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Reply getAccepting(String path, String accept) {
        return send(builder(path, null).setHeader("Accept", accept).GET());
    }

    public Reply post(String path, String token, String json, String... headers) {
        HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** Any method, no token: the headers (name, value, ...) say everything else, a cookie included. */
    public Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder b = builder(path, null).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** A body of any content type, no token: the headers (name, value, ...) say the rest (a webhook delivery). */
    public Reply raw(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = builder(path, null).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
