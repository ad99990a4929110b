package dev.drover.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a token may do. viewer < deployer < admin each include the ones before; agent stands apart. */
public enum Role {
    /** Reads everything: status, rollouts, jobs, audit. */
    VIEWER,
    /** Also deploys, promotes, aborts, rolls back, locks and submits jobs. */
    DEPLOYER,
    /** Also manages tokens, services and agents. */
    ADMIN,
    /** An agent: registers, heartbeats, takes work and reports on it; nothing else (not even reading). */
    AGENT;

    /** The name used in the API, the CLI and configuration: {@code viewer}, {@code deployer}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        if (this == AGENT || other == AGENT) {
            return this == other;
        }
        return ordinal() >= other.ordinal();
    }

    /** This role and every role it includes, by wire name. */
    public List<String> grantedRoles() {
        return Arrays.stream(values()).filter(this::includes).map(Role::wireName).toList();
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use one of "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
    }
}
