package dev.drover.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** {@link Sender} on the JDK's HTTP client: HTTP/1.1, no redirects, a connect and a whole-request timeout. */
public final class HttpClientSender implements Sender {
    private final HttpClient client;

    public HttpClientSender(Duration connectTimeout) {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public Answer post(String url, String body, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        } catch (IllegalArgumentException e) {
            return new Answer(null, "not a URL: " + e.getMessage());
        }
        request.header("Content-Type", "application/json");
        request.header("User-Agent", "drover");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return new Answer(status, status / 100 == 2 ? null : "HTTP " + status + excerpt(response.body()));
        } catch (HttpTimeoutException e) {
            return new Answer(null, "no answer within " + timeout.toMillis() + " ms (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Answer(null, "cannot reach the receiver: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted (the controller is stopping)");
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 199) + "…" : line);
    }
}
