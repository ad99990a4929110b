package dev.drover.api;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import java.time.Instant;

/** A revision as the API shows it: its spec holds secret names, never values. */
public record RevisionView(int number, String commit, String imageRef, Instant createdAt, RevisionSpec spec) {
    static RevisionView of(Revision r) {
        return new RevisionView(r.number(), r.commitSha(), r.imageRef(), r.createdAt(), r.spec());
    }
}
