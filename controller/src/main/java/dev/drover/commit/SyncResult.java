package dev.drover.commit;

import java.util.List;
import java.util.Optional;

/** What one fetch of a service brought: the commits recorded now (oldest first) and a rewrite, if one was seen. */
public record SyncResult(List<String> recorded, Optional<HistoryRewrite> rewrite) {
    public static final SyncResult NOTHING = new SyncResult(List.of(), Optional.empty());

    public String describe() {
        String text = recorded.isEmpty() ? "no new commits"
                : recorded.size() + " new commit" + (recorded.size() == 1 ? "" : "s");
        return rewrite.map(r -> text + "; history rewritten (" + r.oldHead().substring(0, 7) + " is no longer on the branch)")
                .orElse(text);
    }
}
