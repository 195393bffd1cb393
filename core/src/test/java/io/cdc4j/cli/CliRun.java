package io.cdc4j.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code cdc} in the test's JVM with a given stdin and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
    /** Runs with an empty stdin, as a script without a terminal would. */
    static CliRun of(String... args) {
        return withInput("", args);
    }

    /** Runs with {@code input} as stdin. */
    static CliRun withInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var stdin = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        int code = Main.run(stdin, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
