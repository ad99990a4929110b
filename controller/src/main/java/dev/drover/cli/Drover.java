package dev.drover.cli;

import dev.drover.agent.AgentCommand;
import dev.drover.agent.DroverVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code drover}: the one entry point of the distribution. */
@Command(name = "drover",
        mixinStandardHelpOptions = true,
        versionProvider = Drover.Version.class,
        description = "Continuous deployment for batch and queue workers.",
        subcommands = {
            ServerCommand.class,
            AgentCommand.class,
            StatusCommand.class,
            ServiceCommand.class,
            CommitsCommand.class,
            BuildCommand.class,
            RevisionsCommand.class,
            LogsCommand.class,
            DeployCommand.class,
            PromoteCommand.class,
            AbortCommand.class,
            RollbackCommand.class,
            LockCommand.class,
            UnlockCommand.class,
            SubmitCommand.class,
            CancelCommand.class,
            JobsCommand.class,
            AgentsCommand.class,
            PlanCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Drover {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != ServerCommand.RUNNING) {
            System.exit(code);
        }
    }

    /** The command line with Drover's error handling: a failure's message on stderr, its exit code. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Drover());
        cli.getSubcommands().get("agent").addSubcommand("drain", new AgentsCommand.Drain());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliFailure failure) {
                commandLine.getErr().println("error: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drover " + DroverVersion.get()};
        }
    }
}
