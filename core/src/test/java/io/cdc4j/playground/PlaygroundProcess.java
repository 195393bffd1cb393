package io.cdc4j.playground;

import io.cdc4j.testing.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code cdc playground} process started from the built jar, its output (stdout and stderr) in a file. */
final class PlaygroundProcess implements AutoCloseable {
    private static final Pattern DATA_LINE = Pattern.compile("(?m)^data: (\\S+)");

    private final Process process;
    private final Path output;

    private PlaygroundProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static PlaygroundProcess start(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", ServerProcess.jar().toString(), "playground"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path output = workDir.resolve("playground.out");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new PlaygroundProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The data dir the playground printed as {@code data: /path}. */
    Optional<Path> dataDir() {
        Matcher matcher = DATA_LINE.matcher(output());
        return matcher.find() ? Optional.of(Path.of(matcher.group(1))) : Optional.empty();
    }

    /**
     * Sends SIGINT as Ctrl-C does ({@link Process#destroy()} would send SIGTERM). A process that inherited SIGINT
     * as ignored (a build started in the background without job control) cannot see it, so it gets SIGTERM, which
     * takes the same graceful path.
     */
    String interrupt() {
        String signal = ignoresSigint() ? "-TERM" : "-INT";
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill " + signal + " " + process.pid() + " failed");
            }
            return signal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the playground did not exit within " + seconds + " s; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            awaitExit(30);
        }
    }

    private boolean ignoresSigint() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return (ignored & (1L << (2 - 1))) != 0;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
