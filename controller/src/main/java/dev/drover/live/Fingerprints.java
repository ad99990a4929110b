package dev.drover.live;

import java.util.Map;

/**
 * Fingerprints of what dashboards show, read in one look at the store: for each key (a topic, or
 * {@code topic:service}), a value that changes whenever that part of the state does.
 */
public interface Fingerprints {

    /** Keys are {@code jobs}, {@code agents}, {@code audit}, or {@code <topic>:<service name>}. */
    Map<String, String> read();
}
