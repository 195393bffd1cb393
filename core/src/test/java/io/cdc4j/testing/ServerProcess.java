package io.cdc4j.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real {@code cdc server} process started from the built jar, as a user would start one; it can be
 * stopped gracefully (SIGTERM) or killed (SIGKILL).
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String apiAddress;
    private final Path log;

    private ServerProcess(Process process, String apiAddress, Path log) {
        this.process = process;
        this.apiAddress = apiAddress;
        this.log = log;
    }

    /** The jar the build produced (the failsafe configuration passes its path). */
    public static Path jar() {
        String jar = System.getProperty("cdc4j.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property cdc4j.jar must name the built jar, got " + jar);
        }
        return Path.of(jar);
    }

    /** Starts {@code cdc server --addr <free port> <args...>} and waits until its API answers. */
    public static ServerProcess start(Path workDir, String... args) {
        String addr = FreePorts.loopback();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toString(), "server", "--addr", addr));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve("server-" + addr.replace(':', '_') + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ServerProcess server = new ServerProcess(process, addr, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://" + apiAddress;
    }

    public String address() {
        return apiAddress;
    }

    public Process process() {
        return process;
    }

    public JsonNode status() {
        return Http.get(baseUrl(), "/api/v2/status").json();
    }

    /** Sends SIGTERM and waits for the exit; returns the exit code. */
    public int stopGracefully() {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL: the process dies without deregistering. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("server " + apiAddress + " did not exit; log:\n" + logText());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || answers());
        } catch (ConditionTimeoutException e) {
            close();
            throw new AssertionError("server " + apiAddress + " did not answer within 60s; log:\n" + logText(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("server " + apiAddress + " exited with " + process.exitValue() + ":\n" + logText());
        }
    }

    private boolean answers() {
        try {
            return Http.get(baseUrl(), "/api/v2/status").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
