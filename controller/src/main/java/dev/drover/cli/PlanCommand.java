package dev.drover.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.drover.spec.Durations;
import dev.drover.spec.GpuMode;
import dev.drover.spec.InvalidSpecException;
import dev.drover.spec.KnownTarget;
import dev.drover.spec.Plan;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.Size;
import dev.drover.spec.yaml.DroverYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code drover plan [PATH]}: checks a drover.yaml offline (and its targets with --server) and prints its plan. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Check a drover.yaml and print the plan it compiles to: job, tiers and their share of jobs,"
                + " stages and gates, and the smallest regression each stage's minimum jobs catch.",
                "Works offline; with --server, also checks the tiers' targets against that controller."})
public class PlanCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new SimpleModule("drover-spec")
                    .addSerializer(Duration.class, asText(Duration.class, Durations::format))
                    .addSerializer(Size.class, asText(Size.class, Size::format))
                    .addSerializer(GpuMode.class, asText(GpuMode.class, GpuMode::wireName)));

    @Parameters(arity = "0..1", paramLabel = "PATH", defaultValue = DroverYaml.FILE_NAME,
            description = "The file, or a directory holding a drover.yaml (default ${DEFAULT-VALUE})")
    Path path;

    @Option(names = "--server", paramLabel = "URL",
            description = "Also check the tiers' targets against this controller (no default: plan works offline)")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DROVER_TOKEN}",
            description = "API token for --server (env DROVER_TOKEN)")
    String token;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json")
    Output.Format output;

    @Option(names = "--baseline-failure-rate", paramLabel = "RATE", defaultValue = "2%", converter = Rate.class,
            description = "The DETECTS column assumes the stable revision fails this share of jobs: 2%% or 0.02"
                    + " (default ${DEFAULT-VALUE}; drover jobs SERVICE --summary shows the service's code failure rate)")
    double baselineFailureRate;

    @Option(names = "--duration-spread", paramLabel = "SIGMA", defaultValue = "1.0", converter = Spread.class,
            description = "The DETECTS column assumes job durations vary this much: the standard deviation of their"
                    + " natural logarithms, about ln(p90 / p50) / 1.28 from drover jobs SERVICE --summary; 0.3 for"
                    + " steady jobs, 1 or more when some take many times longer than others (default ${DEFAULT-VALUE})")
    double durationSpread;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = Files.isDirectory(path) ? path.resolve(DroverYaml.FILE_NAME) : path;
        try {
            ServiceSpec service = DroverYaml.parse(file.toString(), read(file), server == null ? null : targets());
            DetectableRegressions detects = DetectableRegressions.of(service,
                    new DetectableRegressions.Baseline(baselineFailureRate, durationSpread));
            if (output == Output.Format.json) {
                ObjectNode json = JSON.valueToTree(service);
                json.set("detects", detects.json());
                Output.json(out, json);
            } else {
                print(out, new Plan(service), detects);
            }
            return ExitCodes.OK;
        } catch (InvalidSpecException e) {
            e.errors().forEach(error -> err.println(error.format()));
            int n = e.errors().size();
            err.println(n + (n == 1 ? " error in " : " errors in ") + file);
            return ExitCodes.FAILURE;
        } catch (CliFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        }
    }

    private static void print(PrintWriter out, Plan plan, DetectableRegressions detects) {
        Output.fields(out, plan.summary());
        out.println();
        out.println("Tiers");
        Output.table(out, Plan.TIER_HEADER, plan.tierRows());
        out.println();
        out.println("Stages");
        List<String> header = new ArrayList<>(Plan.STAGE_HEADER);
        header.add(DetectableRegressions.HEADER);
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> stages = plan.stageRows();
        for (int i = 0; i < stages.size(); i++) {
            List<String> row = new ArrayList<>(stages.get(i));
            row.add(detects.cell(detects.stages().get(i)));
            rows.add(row);
        }
        Output.table(out, header, rows);
        detects.notes().forEach(out::println);
        out.println();
        out.println("Gates");
        plan.gates().forEach(gate -> out.println("  " + gate));
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            throw new CliFailure(ExitCodes.USAGE, "no such file: " + file
                    + " (run drover plan in the worker repository, or give the path to its drover.yaml)");
        }
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new CliFailure(ExitCodes.USAGE, file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The controller's targets, from {@code GET api/v1/targets}: a list of objects with a name and gpus. */
    private List<KnownTarget> targets() {
        ConnectionOptions connection = new ConnectionOptions();
        connection.server = server;
        connection.token = token;
        JsonNode answer = connection.client().get("api/v1/targets");
        JsonNode list = answer.isObject() ? answer.path("targets") : answer;
        if (!list.isArray()) {
            throw new CliFailure(ExitCodes.FAILURE, "the controller at " + server
                    + " did not answer api/v1/targets with a list of targets");
        }
        List<KnownTarget> targets = new ArrayList<>();
        list.forEach(t -> targets.add(new KnownTarget(t.path("name").asText(), t.path("gpus").asInt(0))));
        return targets;
    }

    /** A failure rate as a percentage ({@code 2%}) or a fraction ({@code 0.02}), above 0 and below 1. */
    static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            String t = text.trim();
            boolean percent = t.endsWith("%");
            double value;
            try {
                value = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a failure rate: write 2% or 0.02");
            }
            double rate = percent ? value / 100 : value;
            if (!(rate > 0 && rate < 1)) {
                throw new TypeConversionException("a failure rate is above 0% and below 100% (2% or 0.02), not '" + text
                        + "'" + (!percent && value >= 1 && value < 100 ? ": did you mean " + t + "%?" : ""));
            }
            return rate;
        }
    }

    /** The standard deviation of log durations: above 0. */
    static final class Spread implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double sigma;
            try {
                sigma = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                sigma = Double.NaN;
            }
            if (!(sigma > 0) || Double.isInfinite(sigma)) {
                throw new TypeConversionException("'" + text + "' is not a duration spread: give the standard deviation"
                        + " of log durations, a number above 0 such as 0.5 or 1");
            }
            return sigma;
        }
    }

    private static <T> JsonSerializer<T> asText(Class<T> type, Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(text.apply(value));
            }

            @Override
            public Class<T> handledType() {
                return type;
            }
        };
    }
}
