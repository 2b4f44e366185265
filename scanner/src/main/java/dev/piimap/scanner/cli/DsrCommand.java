package dev.piimap.scanner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/scan dsr}: data-subject requests answered from the data map's subject index. */
@Command(name = "dsr", mixinStandardHelpOptions = true,
        description = "Data-subject requests: where a person's identifiers occur, from the data map's subject index.",
        subcommands = {DsrLocateCommand.class})
final class DsrCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: locate");
    }
}
