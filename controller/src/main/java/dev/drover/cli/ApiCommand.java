package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** An operator command: talks to the controller, prints JSON with {@code --output json}, a table otherwise. */
abstract class ApiCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    /** Does the work against the controller; returns the exit code. */
    abstract int run(ApiClient client, PrintWriter out);

    @Override
    public final Integer call() {
        return run(connection.client(), spec.commandLine().getOut());
    }

    /** Prints the answer as JSON when asked; true if it did, so the caller prints nothing else. */
    boolean printedAsJson(PrintWriter out, JsonNode answer) {
        if (connection.output == Output.Format.json) {
            Output.json(out, answer);
            return true;
        }
        return false;
    }
}
