package io.cdc4j.bench.targets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdc4j.bench.upstream.BinlogPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts a target in a JVM of its own ({@link TargetMain}) with the benchmark's classpath and a fixed heap, each
 * run in a fresh directory of the work dir (its log, and Debezium's offsets, which must not carry over to the
 * next run), optionally recording a JFR profile.
 */
public final class TargetLauncher {
    private final int port;
    private final long memoryQuotaBytes;
    private final String heap;
    private final Path workDir;
    private int runs;

    /** A launcher for targets reading the upstream on {@code port}, each JVM with {@code -Xmx<heap>}. */
    public TargetLauncher(int port, long memoryQuotaBytes, String heap, Path workDir) {
        this.port = port;
        this.memoryQuotaBytes = memoryQuotaBytes;
        this.heap = heap;
        this.workDir = workDir;
    }

    /**
     * Starts one run from {@code from}, a changefeed over {@code span}; {@code jfr} names a file to record a profile
     * to.
     */
    public RunningTarget launch(BenchTarget target, String mode, BinlogPoint from, WorkloadSpan span,
                                long expectedRows, Optional<Path> jfr) throws IOException {
        runs++;
        String runName = String.format(Locale.ROOT, "%02d-%s-%s%s", runs, target.name(), mode,
                jfr.map(file -> "-jfr").orElse(""));
        Path runDir = workDir.resolve("runs").resolve(runName);
        Files.createDirectories(runDir);
        Path result = runDir.resolve("result.json");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Xms64m");
        jfr.ifPresent(file -> command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TargetMain.class.getName());
        command.addAll(List.of(target.name(), mode, Integer.toString(port), from.toString(),
                Long.toString(expectedRows), Long.toString(memoryQuotaBytes), runDir.toString(), result.toString(),
                Long.toString(span.startTs()), Long.toString(span.endTs()), Integer.toString(span.downstreamPort()),
                span.kafkaBootstrap()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(runDir.resolve("target.log").toFile()))
                .start();
        return new RunningTarget(runName, process, result, runDir.resolve("target.log"));
    }

    /** A target's JVM, running. */
    public static final class RunningTarget implements AutoCloseable {
        private final String name;
        private final Process process;
        private final Path result;
        private final Path log;
        private final BufferedReader out;
        private final Writer in;

        RunningTarget(String name, Process process, Path result, Path log) {
            this.name = name;
            this.process = process;
            this.result = result;
            this.log = log;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Waits for the target to say it is connected; fails if it ends first. */
        public void awaitReady() throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(TargetMain.READY)) {
                    return;
                }
            }
            throw new IOException(name + " ended before it was ready; see " + log);
        }

        /** Tells a lag-mode target how many rows make the run complete. */
        public void expect(long rows) throws IOException {
            in.write(TargetMain.EXPECT + rows + "\n");
            in.flush();
        }

        /** Waits for the JVM to end and reads its result. */
        public TargetResult awaitResult() throws IOException, InterruptedException {
            out.transferTo(Writer.nullWriter());
            int exit = process.waitFor();
            if (exit != 0 || !Files.exists(result)) {
                throw new IOException(name + " exited with " + exit + " and no result; see " + log);
            }
            return new ObjectMapper().readValue(result.toFile(), TargetResult.class);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }
}
