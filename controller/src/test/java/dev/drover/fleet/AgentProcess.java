package dev.drover.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code drover agent} as a separate process (this JVM's java and class path), its output in a file. */
final class AgentProcess {
    private final String name;
    private final String token;
    private final String server;
    private final Path stateDir;
    private final List<String> extra;
    private Process process;

    AgentProcess(String name, String token, String server, Path stateDir, List<String> extra) {
        this.name = name;
        this.token = token;
        this.server = server;
        this.stateDir = stateDir;
        this.extra = extra;
    }

    AgentProcess start() throws IOException {
        Files.createDirectories(stateDir);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.drover.cli.Drover", "agent",
                "--server", server, "--token", token, "--slots", "4", "--state-dir", stateDir.toString(),
                "--nvidia-smi", "/nonexistent/nvidia-smi"));
        if (!extra.contains("--spot-notice-url")) {
            command.addAll(List.of("--spot-notice-url", "none"));
        }
        command.addAll(extra);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("agent.log").toFile())).start();
        return this;
    }

    /** Freezes the agent's JVM (SIGSTOP): a machine so loaded that the agent is slow to come back. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen agent run again (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill " + which + " " + process.pid() + " exited " + rc);
        }
    }

    /** SIGKILL: no goodbye, containers left running. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the containers this agent left (by its instance id), as a clean host would not have them. */
    void removeContainers() {
        Path instance = stateDir.resolve("instance-id");
        if (!Files.exists(instance)) {
            return;
        }
        try {
            String id = Files.readString(instance, StandardCharsets.UTF_8).trim();
            var docker = dev.drover.build.TestDocker.client();
            docker.listContainersCmd().withShowAll(true).withLabelFilter(java.util.Map.of("dev.drover.agent-instance", id))
                    .exec().forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(stateDir.resolve("agent.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String name() {
        return name;
    }
}
