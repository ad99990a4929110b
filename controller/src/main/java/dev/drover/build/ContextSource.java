package dev.drover.build;

import dev.drover.service.Service;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Writes a commit's build context as a tar, straight from git objects (no checkout). */
public interface ContextSource {

    /**
     * Writes the files under {@code contextDir} at commit {@code sha} as a tar, leaving out what the
     * context's {@code .dockerignore} excludes. Throws {@link BuildFailure} for a symlink that points
     * out of the context, or a missing context directory; {@code notes} gets what the author should know
     * (e.g. a submodule left out).
     */
    void writeTar(Service service, String sha, String contextDir, OutputStream out, Consumer<String> notes);
}
