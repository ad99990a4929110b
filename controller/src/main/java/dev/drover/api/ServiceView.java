package dev.drover.api;

import dev.drover.build.Build;
import dev.drover.commit.Commit;
import dev.drover.commit.MirrorState;
import dev.drover.service.Service;
import java.time.Instant;

/**
 * A service as the API shows it: never its webhook secret (only whether one is set) nor the
 * credentials' value (only the secret's name).
 */
public record ServiceView(String name, String repo, String branch, String origin, boolean webhookSecretSet,
                          String credentials, Mirror mirror, CommitView newestCommit, BuildView activeBuild) {

    /** Where the mirror stood at its last fetch. */
    public record Mirror(String head, Instant fetchedAt, String lastError) {
        static Mirror of(MirrorState state) {
            return new Mirror(state.headSha(), state.fetchedAt(), state.lastError());
        }
    }

    static ServiceView of(Service s, MirrorState state, Commit newest, Build active) {
        return new ServiceView(s.name(), s.repoUrl(), s.branch(), s.origin().wireName(), s.webhookSecret() != null,
                s.credentials(), state == null ? null : Mirror.of(state),
                newest == null ? null : CommitView.of(newest), active == null ? null : BuildView.of(active));
    }
}
