package dev.drover.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.drover.build.BuildFailure;
import dev.drover.build.RegistryAuth;
import dev.drover.build.RegistryCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Pushes through the engine with the login {@link RegistryAuth} gives, and asks the registry (through the
 * engine's {@code /distribution} endpoint, so with the engine's network and TLS settings) what a tag names.
 * A registry's refusal becomes a {@link BuildFailure} that says which setting or permission to fix.
 */
final class RegistryPush {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final RegistryAuth auth;
    private final Duration timeout;

    RegistryPush(DockerClient docker, RegistryAuth auth, Duration timeout) {
        if (!(docker instanceof DockerClientImpl impl)) {
            throw new IllegalArgumentException("pushes need a docker-java DockerClientImpl (DockerClients.connect), not "
                    + docker.getClass().getName());
        }
        this.docker = docker;
        this.http = impl.getHttpClient();
        this.auth = auth;
        this.timeout = timeout;
    }

    Optional<String> pushed(String repository, String tag) {
        Optional<RegistryCredentials> login = auth.credentialsFor(repository);
        // Without a login of Drover's, what docker-java would push with: the controller user's Docker config.
        AuthConfig config = login.map(RegistryPush::authConfig)
                .orElseGet(() -> docker.pushImageCmd(repository).getAuthConfig());
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/distribution/" + repository + ":" + tag + "/json");
        if (config != null) {
            request.putHeader("X-Registry-Auth", registryAuthHeader(config));
        }
        try (DockerHttpClient.Response response = http.execute(request.build())) {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() == 200) {
                String digest = JSON.readTree(text).path("Descriptor").path("digest").asText("");
                if (!digest.startsWith("sha256:")) {
                    throw new BuildFailure("the engine described " + repository + ":" + tag + " without a digest: " + text);
                }
                return Optional.of(repository + "@" + digest);
            }
            String message = message(text, response.getStatusCode());
            if (response.getStatusCode() == 404 && !refusal(message)) {
                return Optional.empty();
            }
            throw new BuildFailure("could not look up " + repository + ":" + tag + " in the registry: " + message
                    + hint(message, login.isPresent()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the engine's answer about " + repository + ":" + tag, e);
        }
    }

    String push(String imageId, String repository, String tag, Consumer<String> log) {
        Optional<RegistryCredentials> login = auth.credentialsFor(repository);
        docker.tagImageCmd(imageId, repository, tag).exec();
        PushImageCmd command = docker.pushImageCmd(repository).withTag(tag);
        login.ifPresent(c -> command.withAuthConfig(authConfig(c)));
        AtomicReference<String> error = new AtomicReference<>();
        AtomicReference<String> digest = new AtomicReference<>();
        try {
            boolean finished = command.exec(new ResultCallback.Adapter<PushResponseItem>() {
                @Override
                public void onNext(PushResponseItem item) {
                    if (item.getErrorDetail() != null) {
                        error.set(item.getErrorDetail().getMessage());
                        log.accept("error: " + item.getErrorDetail().getMessage() + "\n");
                    } else if (item.getAux() != null && item.getAux().getDigest() != null) {
                        digest.set(item.getAux().getDigest());
                    } else if (item.getStatus() != null && item.getProgressDetail() == null) {
                        log.accept("push: " + item.getStatus() + "\n");
                    }
                }
            }).awaitCompletion(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                throw new BuildFailure("push of " + repository + ":" + tag + " did not finish within "
                        + timeout.toMinutes() + " minutes (drover.builds.timeout)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("push of " + repository + ":" + tag + " was interrupted");
        } catch (DockerClientException | DockerException e) {
            throw new BuildFailure("push of " + repository + ":" + tag + " failed: " + e.getMessage()
                    + hint(String.valueOf(e.getMessage()), login.isPresent()), e);
        }
        if (error.get() != null) {
            throw new BuildFailure("push of " + repository + ":" + tag + " failed: " + error.get()
                    + hint(error.get(), login.isPresent()));
        }
        return digest.get() != null ? repository + "@" + digest.get() : repoDigest(imageId, repository);
    }

    private String repoDigest(String imageId, String repository) {
        List<String> digests = docker.inspectImageCmd(imageId).exec().getRepoDigests();
        return (digests == null ? List.<String>of() : digests).stream()
                .filter(d -> d.startsWith(repository + "@"))
                .findFirst()
                .orElseThrow(() -> new BuildFailure("the push to " + repository
                        + " finished without a digest: check the registry's log"));
    }

    static AuthConfig authConfig(RegistryCredentials login) {
        return new AuthConfig().withUsername(login.username()).withPassword(login.password())
                .withRegistryAddress(login.serverAddress());
    }

    /** The engine's {@code X-Registry-Auth} header: the login as JSON, base64url-encoded (as docker-java sends it). */
    static String registryAuthHeader(AuthConfig config) {
        try {
            return Base64.getUrlEncoder().encodeToString(JSON.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(String text, int status) {
        try {
            return JSON.readTree(text).path("message").asText("HTTP " + status + " " + text.strip());
        } catch (IOException e) {
            return "HTTP " + status + " " + text.strip();
        }
    }

    private static boolean refusal(String message) {
        String m = message.toLowerCase();
        return m.contains("no basic auth credentials") || m.contains("unauthorized") || m.contains("authentication required")
                || m.contains("denied") || m.contains("forbidden");
    }

    /** What to do about a registry's error, when the error says enough to tell. */
    static String hint(String message, boolean withLogin) {
        String m = message.toLowerCase();
        if (refusal(message)) {
            return withLogin
                    ? ". The registry refused Drover's login: check drover.builds.registry-username and "
                    + "registry-password, or for ECR that the controller's IAM identity may push and pull "
                    + "(ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, "
                    + "ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchGetImage)"
                    : ". The registry wants a login: set drover.builds.registry-auth to ecr, or to basic with "
                    + "drover.builds.registry-username and drover.builds.registry-password";
        }
        if (m.contains("name unknown") || m.contains("does not exist")) {
            return ". Create the repository first (for ECR: aws ecr create-repository --repository-name NAME "
                    + "--image-tag-mutability IMMUTABLE)";
        }
        if (m.contains("tag invalid") || m.contains("immutable")) {
            return ". The tag exists and the repository's tags are immutable: this commit was pushed before";
        }
        return "";
    }
}
