package dev.drover.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** This agent's instance id: made once, kept in {@code <state-dir>/instance-id}, the same after every restart. */
final class AgentInstance {
    private AgentInstance() {
    }

    static String of(Path stateDir) throws IOException {
        Path file = stateDir.resolve("instance-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
