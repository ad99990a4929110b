package dev.drover.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Makes an attempt's image present: as it is when the engine has it, pulled by reference when not. */
final class Images {
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
    private final DockerClient docker;
    private final Duration pullTimeout;

    Images(DockerClient docker, Duration pullTimeout) {
        this.docker = docker;
        this.pullTimeout = pullTimeout;
    }

    /** Empty when the image is here (now); otherwise why it cannot be had, for the result's detail. */
    Optional<String> ensure(String image) {
        if (present(image)) {
            return Optional.empty();
        }
        if (IMAGE_ID.matcher(image).matches()) {
            return Optional.of("image " + image + " is not on this host, and an image id cannot be pulled: "
                    + "reference it by digest (registry/repository@sha256:...)");
        }
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        boolean tagged = at < 0 && colon > image.lastIndexOf('/');
        String repository = at >= 0 ? image.substring(0, at) : tagged ? image.substring(0, colon) : image;
        String tag = at >= 0 ? image.substring(at + 1) : tagged ? image.substring(colon + 1) : "latest";
        try {
            if (!docker.pullImageCmd(repository).withTag(tag).exec(new PullImageResultCallback())
                    .awaitCompletion(pullTimeout.toSeconds(), TimeUnit.SECONDS)) {
                return Optional.of("pulling image " + image + " took longer than " + pullTimeout.toMinutes() + " min");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("pulling image " + image + " was interrupted");
        } catch (RuntimeException e) {
            return Optional.of("cannot pull image " + image + ": " + e.getMessage());
        }
        return present(image) ? Optional.empty() : Optional.of("image " + image + " is still missing after its pull");
    }

    private boolean present(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
