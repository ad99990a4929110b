package dev.drover.job;

/**
 * Where the output of a job that ran outside Drover's agents can be read (e.g. an AWS Batch job's
 * log stream), as text.
 */
public interface LogSource {

    /**
     * The log from its start: one line per logged message, at most {@code maxBytes} bytes of UTF-8 of
     * them, then a line {@code ... (truncated at N bytes)} if there was more. A stream that does not
     * exist (yet) reads as a one-line note saying so, not as a failure.
     *
     * @param maxBytes more than 0
     * @throws Unreadable when the source could not be read (access denied, unreachable, throttled past
     *                    retries); its message says which stream and why
     */
    String read(String logStreamName, int maxBytes);

    /** A log that could not be read; the message names the stream and the cause. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
