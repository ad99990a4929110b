package dev.drover.cli;

import java.time.Duration;

/** The wait between two polls of the controller; an interrupt (Ctrl-C) ends the command. */
final class Polling {
    private Polling() {
    }

    static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILURE, "interrupted");
        }
    }
}
