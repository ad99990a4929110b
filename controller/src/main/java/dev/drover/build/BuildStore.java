package dev.drover.build;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where builds are recorded. */
public interface BuildStore {

    Build start(long serviceId, long commitId, Instant now);

    void status(long buildId, BuildStatus status);

    void imageBuilt(long buildId, String imageId, String buildLog);

    void buildLog(long buildId, String buildLog);

    void tested(long buildId, int exitCode, long millis, String testLog);

    void testLog(long buildId, String testLog);

    void finish(long buildId, BuildStatus status, String imageRef, String failure, Instant now);

    /** The newest build of the commit. */
    Optional<Build> latest(long commitId);

    /** Builds not finished, of every service. */
    List<Build> unfinished();
}
