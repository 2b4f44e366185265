package dev.piimap.scanner.cli;

import dev.piimap.scanner.config.ConfigException;
import dev.piimap.scanner.job.RunFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/scan}: the command line of CONTRACT.md section 2. Exit status: 0 done, 2 bad usage or
 * configuration (one line on standard error naming the flag or key, the value and the fix), 3 the
 * run failed and nothing was committed. Results go to standard output; everything else to standard error.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds personal data in databases, folders and object stores and writes a data map.",
        subcommands = {DemoCommand.class, RunCommand.class, DetectCommand.class, ExportCommand.class,
                ReportCommand.class, DiffCommand.class, PolicyCommand.class, RetentionCommand.class, DsrCommand.class,
                EvalCommand.class, EvalCorpusCommand.class, BenchCommand.class, BenchEstateCommand.class, BenchListingCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_RUN_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: demo, run, detect, export, report, diff, policy, retention, dsr, eval, eval-corpus, bench or bench-estate");
    }

    public static void main(String[] args) {
        int status = execute(args);
        System.out.flush();
        System.err.flush();
        // Spark and the embedded database leave non-daemon threads behind.
        System.exit(status);
    }

    /** Runs one command line and returns its exit status without exiting the JVM (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName(" ");
            // An unknown flag explains a "missing required option" better than the missing option does.
            String problem = cmd.getUnmatchedArguments().isEmpty() ? ex.getMessage()
                    : "unknown option or argument '" + cmd.getUnmatchedArguments().get(0) + "'";
            cmd.getErr().println("usage error: " + problem.replace('\n', ' ').trim()
                    + "; fix: see '" + name.replaceFirst("^scan", "bin/scan") + " --help'");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof ConfigException || ex instanceof UsageException) {
                cmd.getErr().println(ex.getMessage());
                return EXIT_USAGE;
            }
            if (ex instanceof RunFailedException) {
                cmd.getErr().println("run failed: " + ex.getMessage());
                return EXIT_RUN_FAILED;
            }
            cmd.getErr().println("failed: " + ex.getClass().getSimpleName() + " in " + cmd.getCommandSpec().qualifiedName(" ")
                    + "; nothing was committed");
            return EXIT_RUN_FAILED;
        });
        return cli.execute(args);
    }
}
