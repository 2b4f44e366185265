package dev.piimap.scanner.eval;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs one picocli command object in-process and captures what it printed. */
final class CommandRunner {
    record Result(int status, String out, String err) {
    }

    private CommandRunner() {
    }

    static Result run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }
}
