package dev.drover.agent;

import java.util.List;

/** Where the agent hears it should stop. On a host: SIGTERM and SIGINT, handled so the agent can exit 0. */
interface StopSignals {

    void onStop(Runnable stop);

    /** sun.misc.Signal (module jdk.unsupported; javac warns about it): the JDK's only way to handle SIGTERM and exit 0. */
    static StopSignals os() {
        return stop -> {
            for (String name : List.of("TERM", "INT")) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            }
        };
    }
}
