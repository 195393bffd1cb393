package io.cdc4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Test fixture: a database server child process of this JVM frozen with {@code SIGSTOP}, as a downstream that hangs
 * (its sockets stay open and accept connections into the backlog, but nothing answers), until {@link #close} sends
 * {@code SIGCONT}. Use it in try-with-resources so that the server always runs on.
 */
public final class FrozenProcess implements AutoCloseable {
    private final ProcessHandle process;
    private boolean frozen;

    private FrozenProcess(ProcessHandle process) {
        this.process = process;
    }

    /** Freezes the MariaDB server (a descendant of this JVM) that listens on {@code port}. */
    public static FrozenProcess mariaDbOnPort(int port) {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(handle -> handle.info().commandLine()
                        .filter(line -> (line.contains("mariadbd") || line.contains("mysqld"))
                                && line.contains("--port=" + port))
                        .isPresent())
                .toList();
        if (servers.size() != 1) {
            throw new IllegalStateException("expected one MariaDB server on port " + port + " among this JVM's"
                    + " child processes, found " + servers.size());
        }
        FrozenProcess frozen = new FrozenProcess(servers.getFirst());
        frozen.signal("-STOP");
        frozen.frozen = true;
        return frozen;
    }

    /** The frozen process id. */
    public long pid() {
        return process.pid();
    }

    /** Lets the process run again; only the first call signals. */
    @Override
    public void close() {
        if (frozen) {
            frozen = false;
            signal("-CONT");
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal, e);
        }
    }
}
