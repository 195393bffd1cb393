package io.cdc4j.upstream;

import java.util.Objects;

/**
 * How to reach an upstream MySQL/MariaDB server, parsed from {@code mysql://USER:PASS@HOST:PORT/}.
 *
 * @param host host name or address
 * @param port TCP port
 * @param user user name
 * @param password password (may be empty)
 * @param serverId the server id the binlog client presents to the upstream (must be unique among its replicas);
 *                 for a cdc4j server, the base from which each changefeed's own ids are counted
 * @param tls TLS settings
 */
public record UpstreamConfig(String host, int port, String user, String password, long serverId, TlsOptions tls) {
    /**
     * The longest wait for one answer over JDBC (TiCDC's MySQL read timeout, 2 min): a half-open connection fails
     * the query instead of holding the reader for ever.
     */
    static final int SOCKET_TIMEOUT_MILLIS = 120_000;

    public UpstreamConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty upstream host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("upstream port out of range: " + port);
        }
        if (serverId < 1 || serverId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("server-id must be in 1..4294967295: " + serverId);
        }
    }

    /** The same upstream, read under another server id. */
    public UpstreamConfig withServerId(long newServerId) {
        return new UpstreamConfig(host, port, user, password, newServerId, tls);
    }

    /**
     * The JDBC URL for the MariaDB driver. When TLS may be off (disabled, preferred) it allows fetching the RSA key,
     * the server's, which a MySQL 8 {@code caching_sha2_password} login needs once the server's auth cache is cold (after a
     * restart or FLUSH PRIVILEGES); the binlog client fetches that key by itself. A query waits at most
     * {@value #SOCKET_TIMEOUT_MILLIS} ms for the server.
     */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:mariadb://").append(host).append(':').append(port)
                .append("/?connectTimeout=5000&socketTimeout=").append(SOCKET_TIMEOUT_MILLIS).append("&permitMysqlScheme");
        String sslMode = switch (tls.mode()) {
            case "disabled" -> "disable";
            case "preferred" -> "trust";
            case "required" -> "trust";
            case "verify-ca" -> "verify-ca";
            default -> "verify-full";
        };
        url.append("&sslMode=").append(sslMode);
        if (tls.mode().equals("disabled") || tls.mode().equals("preferred")) {
            url.append("&allowPublicKeyRetrieval=true");
        }
        tls.caFile().ifPresent(file -> url.append("&serverSslCert=").append(file));
        tls.certFile().ifPresent(file -> url.append("&clientSslCert=").append(file));
        tls.keyFile().ifPresent(file -> url.append("&clientSslKey=").append(file));
        return url.toString();
    }

    /** The server's {@code host:port}, as messages name it and captures advertise it. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "mysql://" + user + ":***@" + host + ":" + port + "/?server-id=" + serverId + "&ssl-mode=" + tls.mode();
    }
}
