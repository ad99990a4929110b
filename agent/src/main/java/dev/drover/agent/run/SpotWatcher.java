package dev.drover.agent.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Watches the EC2 spot interruption notice ({@code .../meta-data/spot/instance-action}): 404 means none; a 200 with
 * a body is the notice, handed to {@code onNotice} once. Speaks IMDSv2 when the endpoint asks for it (401): a
 * session token from {@code PUT /latest/api/token}. An unreachable endpoint (not on EC2) is no notice, said once
 * at debug level.
 */
public final class SpotWatcher {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final URI notice;
    private final Console console;
    private final Consumer<String> onNotice;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private String token;
    private boolean noticed;
    private boolean quietSaid;

    public SpotWatcher(URI notice, Console console, Consumer<String> onNotice) {
        this.notice = notice;
        this.console = console;
        this.onNotice = onNotice;
    }

    /** One look at the endpoint (every few seconds). */
    public synchronized void check() {
        if (noticed) {
            return;
        }
        try {
            HttpResponse<String> response = get();
            if (response.statusCode() == 401) {
                token = sessionToken();
                response = get();
            }
            if (response.statusCode() == 200 && !response.body().isBlank()) {
                noticed = true;
                onNotice.accept(response.body().strip());
            } else if (response.statusCode() != 404) {
                quiet("the spot notice endpoint " + notice + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            quiet("the spot notice endpoint " + notice + " is unreachable (" + e + "): no notice");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(notice).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("X-aws-ec2-metadata-token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sessionToken() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(notice.resolve("/latest/api/token")).timeout(TIMEOUT)
                .header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body().strip() : null;
    }

    private void quiet(String what) {
        if (!quietSaid) {
            console.debug(what);
            quietSaid = true;
        }
    }
}
