package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drover.spec.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code drover status}: the controller's version, database and health; {@code drover status SERVICE
 * [--verbose] [--watch]}: the service's lock, tiers, rollout, stage progress and verdicts, followed live
 * with {@code --watch} until no rollout is open (exit 0 when the latest rollout succeeded, 1 when it did not).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"drover status: the controller's version, database and health, who you are, and the services.",
            "drover status SERVICE: its lock, each tier's stable and candidate revisions and split, the rollout, its "
                + "stage's progress toward bake and minimum jobs, and each tier's latest verdict in words.",
            "--watch follows it until no rollout is queued or in flight, then exits 0 if the latest rollout "
                + "succeeded (or there is none), 1 if it was rolled back, aborted or superseded."})
public class StatusCommand extends ApiCommand {
    private static final String CLEAR = "\033[H\033[2J";

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "A service; without one, the controller")
    String service;

    @Option(names = {"-v", "--verbose"}, description = "Every gate of every tier: counts, estimate, statistic, threshold")
    boolean verbose;

    @Option(names = {"-w", "--watch"}, description = "Redraw until no rollout is queued or in flight (Ctrl-C stops)")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = Interval.class,
            description = "With --watch: how often to ask (default ${DEFAULT-VALUE})")
    Duration interval;

    /** Redraw the screen (a terminal) or print only what changed (a pipe, a file, a test). */
    boolean terminal = System.console() != null;

    @Override
    int run(ApiClient client, PrintWriter out) {
        if (service == null) {
            if (verbose || watch) {
                throw new CliFailure(ExitCodes.USAGE, "--verbose and --watch need a service: drover status SERVICE --watch");
            }
            return controller(client, out);
        }
        String path = "api/v1/services/" + service + "/status";
        if (!watch) {
            JsonNode status = client.get(path);
            if (!printedAsJson(out, status)) {
                ServiceStatusText.lines(status, verbose, true).forEach(out::println);
            }
            return ExitCodes.OK;
        }
        return watch(client, out, path);
    }

    /**
     * Polls until no rollout is open. On a terminal it redraws the block; otherwise it prints the block once,
     * then each line that changed (with the controller's time), or with {@code --output json} one compact JSON
     * line per change; a change of the clock alone prints nothing.
     */
    private int watch(ApiClient client, PrintWriter out, String path) {
        Set<String> printed = new HashSet<>();
        String last = null;
        while (true) {
            JsonNode status = client.get(path);
            String state = clockless(status).toString();
            if (connection.output == Output.Format.json) {
                if (!state.equals(last)) {
                    out.println(status.toString());
                }
            } else if (terminal) {
                out.print(CLEAR);
                out.println("drover status " + service + " every " + Durations.format(interval) + " (Ctrl-C stops)");
                out.println();
                ServiceStatusText.lines(status, verbose, true).forEach(out::println);
            } else {
                List<String> lines = ServiceStatusText.lines(status, verbose, false);
                String time = status.path("at").asText("");
                String prefix = last == null || time.length() < 19 ? "" : "[" + time.substring(11, 19) + "] ";
                lines.stream().filter(l -> !l.isBlank() && !printed.contains(l)).forEach(l -> out.println(prefix + l));
                printed.clear();
                printed.addAll(lines);
            }
            out.flush();
            last = state;
            String rollout = status.path("rollout").path("state").asText("");
            if (!List.of("queued", "running", "paused").contains(rollout)) {
                return rollout.isEmpty() || rollout.equals("succeeded") ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            Polling.pause(interval);
        }
    }

    /** The answer without what changes with the clock alone. */
    private static JsonNode clockless(JsonNode status) {
        ObjectNode copy = status.deepCopy();
        copy.remove("at");
        if (copy.path("stage").isObject()) {
            ((ObjectNode) copy.get("stage")).remove("elapsedSeconds");
        }
        return copy;
    }

    private int controller(ApiClient client, PrintWriter out) {
        JsonNode status = client.get("api/v1/status");
        boolean healthy = status.path("health").asText().equals("UP");
        if (!printedAsJson(out, status)) {
            JsonNode caller = status.path("caller");
            Output.fields(out, List.of(
                    new String[] {"Controller", connection.server},
                    new String[] {"Version", Output.text(status, "version")},
                    new String[] {"Database", Output.text(status, "database")},
                    new String[] {"Health", Output.text(status, "health")},
                    new String[] {"You", Output.text(caller, "name") + " (" + Output.text(caller, "role") + ")"}));
            JsonNode services = client.get("api/v1/services");
            out.println();
            if (services.isEmpty()) {
                out.println("No services yet: add one with drover service add NAME --repo URL");
            } else {
                ServiceCommand.printServices(out, services);
            }
        }
        return healthy ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** {@code 2s}, {@code 500ms}, {@code 1m}: at least 100ms. */
    static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration d = Durations.parse(text).orElseThrow(() -> new TypeConversionException(
                    "'" + text + "' is not a duration, e.g. 2s, 500ms, 1m"));
            if (d.toMillis() < 100) {
                throw new TypeConversionException("--interval must be at least 100ms");
            }
            return d;
        }
    }
}
