package dev.drover.cli;

import dev.drover.spec.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drover demo}: what {@code ./drover up} runs after starting the controller and a local agent.
 * Adds the demo service, keeps a trickle of demo jobs coming (the live traffic), and tells the demo's
 * story ({@link DemoStory}); then keeps the traffic going until it is stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, hidden = true,
        description = "Run the demo: its service, its traffic and its story (./drover up runs this).")
public class DemoCommand extends ApiCommand {
    /** The line that ends the story (./drover up stops showing the demo's log there). */
    static final String END = "That was the demo's story.";

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".drover",
            description = "The state folder deploy/demo/setup.sh prepared (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--load-every", paramLabel = "DURATION", defaultValue = "2s",
            description = "Submit a demo job this often; 0s: no traffic (default: ${DEFAULT-VALUE})")
    String loadEvery;

    @Option(names = "--step-timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "Give up on a step of the story after this long (default: ${DEFAULT-VALUE})")
    String stepTimeout;

    @Option(names = "--no-story", description = "Only add the service and keep its traffic going")
    boolean noStory;

    @Option(names = "--exit-after-story", description = "Stop the traffic and exit once the story is told")
    boolean exitAfterStory;

    @Override
    int run(ApiClient client, PrintWriter out) {
        DemoRepo repo = new DemoRepo(state.toAbsolutePath());
        ensureService(client, repo, out);
        AtomicBoolean loadFailing = new AtomicBoolean();
        ScheduledExecutorService load = startLoad(client, out, loadFailing);
        try {
            int told = noStory ? ExitCodes.OK : tell(client, out, repo);
            if (exitAfterStory || load == null) {
                return told;
            }
            load.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS); // until the process is stopped
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        } finally {
            if (load != null) {
                load.shutdownNow();
            }
        }
    }

    /** The story, then the service's status and what to try next; a step that went wrong is said, and is the end. */
    private int tell(ApiClient client, PrintWriter out, DemoRepo repo) {
        try {
            new DemoStory(client, out, repo, parse(stepTimeout, "--step-timeout"), Duration.ofSeconds(1)).tell();
        } catch (CliFailure e) {
            out.println();
            out.println("The demo's story stopped: " + e.getMessage());
            out.println(END);
            out.flush();
            return e.exitCode();
        }
        out.println();
        Drover.commandLine().setOut(out).setErr(out).execute("status", DemoStory.SERVICE,
                "--server", connection.server, "--token", connection.token);
        printNext(out);
        return ExitCodes.OK;
    }

    private static void ensureService(ApiClient client, DemoRepo repo, PrintWriter out) {
        boolean exists = false;
        for (var service : client.get("api/v1/services")) {
            exists |= DemoStory.SERVICE.equals(service.path("name").asText());
        }
        if (!exists) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", DemoStory.SERVICE);
            body.put("repo", repo.origin().toString());
            body.put("branch", "main");
            client.post("api/v1/services", body, "./drover up demo");
            out.println("==> added service 'demo' following main of " + repo.origin()
                    + " (polled every few seconds; automatic deploys on)");
            out.flush();
        }
    }

    /** A demo job every {@code --load-every}: a few seconds long, a few MiB, and now and then a failure. */
    private ScheduledExecutorService startLoad(ApiClient client, PrintWriter out, AtomicBoolean failing) {
        Duration every = parse(loadEvery, "--load-every");
        if (every.isZero()) {
            return null;
        }
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-load");
            thread.setDaemon(true);
            return thread;
        });
        load.scheduleAtFixedRate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Map<String, String> params = Map.of("DURATION", Integer.toString(random.nextInt(1, 4)),
                    "MEMORY_MB", Integer.toString(random.nextInt(8, 25)), "FAIL_RATE", "0.02");
            try {
                client.post("api/v1/services/" + DemoStory.SERVICE + "/jobs",
                        Map.of("jobs", List.of(Map.of("params", params))), null);
                failing.set(false);
            } catch (RuntimeException e) {
                if (!failing.getAndSet(true)) { // say it once, not every two seconds
                    out.println("    (demo traffic: a submission failed: " + e.getMessage() + "; retrying)");
                    out.flush();
                }
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        out.println("==> demo traffic: a job every " + Durations.format(every) + " (./drover jobs demo)");
        out.flush();
        return load;
    }

    private static void printNext(PrintWriter out) {
        out.println();
        out.println(END + " Try next:");
        String[][] next = {
            {"./drover status demo --verbose", "each tier, the last rollout and every gate's evidence"},
            {"./drover jobs demo", "the jobs; replays are marked (replay)"},
            {"./drover audit", "who did what"},
            {"./drover unlock demo", "clear the rollback's lock"},
            {"./drover rollback demo --to 1 --reason \"try it\"", "on-call's one command"},
        };
        for (String[] line : next) {
            out.printf("  %-50s %s%n", line[0], line[1]);
        }
        out.flush();
    }

    private static Duration parse(String text, String option) {
        return Durations.parse(text).orElseThrow(() -> new CliFailure(ExitCodes.USAGE,
                option + ": '" + text + "' is not a duration (e.g. 2s, 10m)"));
    }
}
