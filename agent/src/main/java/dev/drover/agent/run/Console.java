package dev.drover.agent.run;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent tells the person running it: one {@code agent: ...} line per event on standard output,
 * warnings on standard error, and details only at debug level (through SLF4J). Never given env values.
 */
public final class Console {
    private static final Logger LOG = LoggerFactory.getLogger("dev.drover.agent");
    private final PrintWriter out;
    private final PrintWriter err;

    public Console(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public void info(String text) {
        out.println("agent: " + text);
        out.flush();
    }

    public void warn(String text) {
        err.println("agent: warning: " + text);
        err.flush();
    }

    public void error(String text) {
        err.println("error: " + text);
        err.flush();
    }

    public void debug(String text) {
        LOG.debug(text);
    }
}
