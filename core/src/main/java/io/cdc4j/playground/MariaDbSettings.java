package io.cdc4j.playground;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start one embedded MariaDB.
 *
 * @param name      what the server is for ("upstream", "downstream"), used in messages
 * @param host      the address the server listens on
 * @param port      its TCP port
 * @param directory where its data (and its temporary files) live; kept between starts
 * @param binlog    the binlog settings for change data capture; absent means no binlog
 */
public record MariaDbSettings(String name, String host, int port, Path directory, Optional<CdcBinlog> binlog) {
    public MariaDbSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(binlog, "binlog");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the " + name + " MariaDB needs a port from 1 to 65535, got " + port);
        }
    }
}
