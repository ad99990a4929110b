package dev.drover.build;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** A build or test log that is saved while it grows (at most once a second), so progress can be followed. */
final class LiveLog {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final BuildLog log;
    private final Consumer<String> save;
    private final Clock clock;
    private Instant savedAt;

    LiveLog(int limit, Consumer<String> save, Clock clock) {
        this.log = new BuildLog(limit);
        this.save = save;
        this.clock = clock;
        this.savedAt = clock.instant();
    }

    void append(String text) {
        log.append(text);
        Instant now = clock.instant();
        boolean due;
        synchronized (this) {
            due = !now.isBefore(savedAt.plus(EVERY));
            if (due) {
                savedAt = now;
            }
        }
        if (due) {
            save.accept(log.text());
        }
    }

    void flush() {
        save.accept(log.text());
    }

    String text() {
        return log.text();
    }

    String lastLines(int lines) {
        return log.lastLines(lines);
    }
}
