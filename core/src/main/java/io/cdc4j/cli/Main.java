package io.cdc4j.cli;

import picocli.CommandLine;

/** Entry point of the {@code cdc} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new CdcCommand())
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }
}
