package dev.drover.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The AWS actions the controller's code calls through the AWS SDK, read from its sources. An operation
 * is one of a client's methods that answers with an {@link AwsResponse} ({@code submitJob}); it is
 * called where a source file that imports from the client's package contains {@code .submitJob(} or
 * {@code .submitJobPaginator(}. Its IAM action is the service prefix and the operation's name
 * capitalized: {@code batch:SubmitJob}.
 */
final class ControllerAwsCalls {
    /** The controller's main sources, from this module's folder. */
    static final Path SOURCES = Path.of("..", "controller", "src", "main", "java");

    /** The SDK clients the controller uses, by IAM service prefix. */
    static final Map<String, Class<?>> CLIENTS = Map.of(
            "batch", BatchClient.class,
            "ecr", EcrClient.class,
            "ec2", Ec2Client.class,
            "logs", CloudWatchLogsClient.class,
            "ecs", EcsClient.class);

    private static final Pattern SERVICE_IMPORT = Pattern.compile("import\\s+(?:static\\s+)?"
            + "software\\.amazon\\.awssdk\\.services\\.([a-z0-9]+)\\.");

    private ControllerAwsCalls() {
    }

    /** The IAM actions called, e.g. {@code batch:SubmitJob}. */
    static Set<String> actions(Path sources) {
        List<String> files = awsSources(sources);
        Set<String> actions = new TreeSet<>();
        CLIENTS.forEach((prefix, client) -> {
            String imports = "import " + client.getPackageName() + ".";
            List<String> users = files.stream().filter(f -> f.contains(imports)).toList();
            for (String operation : operations(client)) {
                if (users.stream().anyMatch(f -> f.contains("." + operation + "(")
                        || f.contains("." + operation + "Paginator("))) {
                    actions.add(prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
                }
            }
        });
        return actions;
    }

    /** The AWS services whose SDK packages the sources import, by package name ({@code cloudwatchlogs}). */
    static Set<String> servicesImported(Path sources) {
        Set<String> services = new TreeSet<>();
        for (String file : awsSources(sources)) {
            Matcher m = SERVICE_IMPORT.matcher(file);
            while (m.find()) {
                services.add(m.group(1));
            }
        }
        return services;
    }

    /** A client's operations: its methods that answer with a response of the service. */
    static Set<String> operations(Class<?> client) {
        Set<String> operations = new TreeSet<>();
        for (Method m : client.getMethods()) {
            if (AwsResponse.class.isAssignableFrom(m.getReturnType())) {
                operations.add(m.getName());
            }
        }
        return operations;
    }

    /** The text of every source file that uses an AWS service's SDK. */
    private static List<String> awsSources(Path sources) {
        try (Stream<Path> paths = Files.walk(sources)) {
            return paths.filter(p -> p.toString().endsWith(".java")).map(ControllerAwsCalls::read)
                    .filter(text -> SERVICE_IMPORT.matcher(text).find()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
