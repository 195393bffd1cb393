package io.cdc4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code cdc} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the process's stdin, stdout and stderr and returns its exit code. */
    public static int run(String... args) {
        return run(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (tests capture them) and returns its exit code. */
    public static int run(InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new CdcCommand(), new CommandFactory(stdin))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }
}
