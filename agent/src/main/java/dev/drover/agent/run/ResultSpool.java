package dev.drover.agent.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.agent.link.Json;
import dev.drover.agent.protocol.AttemptResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Results on disk until the controller acknowledges them: {@code <state-dir>/results/<attemptId>.json}, each
 * written to a temporary file, flushed and renamed into place, so a crash leaves a whole result or none. Results
 * the controller refuses for good are moved to {@code results/rejected/} for a person to look at.
 */
public final class ResultSpool {
    private final Path dir;
    private final ObjectMapper json = Json.mapper();

    public ResultSpool(Path stateDir) throws IOException {
        this.dir = stateDir.resolve("results");
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // logs may hold anything
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own permissions apply
        }
        try (Stream<Path> leftovers = Files.list(dir)) {
            for (Path half : leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(half); // a write cut short by a crash: its attempt is recovered from the engine
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public void write(AttemptResult result) throws IOException {
        Path temporary = dir.resolve("." + result.attemptId() + ".json.tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(json.writeValueAsBytes(result));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, file(result.attemptId()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The attempts whose results wait for an acknowledgement, oldest attempt first. */
    public List<Long> pending() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d+\\.json"))
                    .map(name -> Long.parseLong(name.substring(0, name.length() - ".json".length())))
                    .sorted()
                    .toList();
        }
    }

    public boolean holds(long attemptId) {
        return Files.exists(file(attemptId));
    }

    public String read(long attemptId) throws IOException {
        return Files.readString(file(attemptId), StandardCharsets.UTF_8);
    }

    public void delete(long attemptId) throws IOException {
        Files.deleteIfExists(file(attemptId));
    }

    /** Sets a result aside that the controller will never take; returns where it now lies. */
    public Path reject(long attemptId) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected")).resolve(attemptId + ".json");
        try {
            return Files.move(file(attemptId), rejected, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return Files.move(file(attemptId), rejected, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(long attemptId) {
        return dir.resolve(attemptId + ".json");
    }
}
