package io.cdc4j.upstream;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Says why a JDBC connection to the upstream failed: reachability is blamed only for real network errors
 * (SQLState class 08 or a socket that could not connect); anything else is the server's own refusal, shown with
 * its code and SQLState and the likely fix.
 */
final class JdbcConnectErrors {
    private static final int ACCESS_DENIED = 1045;

    private JdbcConnectErrors() {
    }

    /** Whether the failure is the network's (host down, port closed, name unknown, timeout). */
    static boolean isNetwork(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return error.getErrorCode() == 0 && error.getSQLState() != null && error.getSQLState().startsWith("08");
    }

    /** What to tell the user about {@code error}, connecting to {@code config}; the driver's text follows it. */
    static String explain(SQLException error, UpstreamConfig config) {
        if (isNetwork(error)) {
            return "check that the server runs and is reachable at " + config.address();
        }
        String server = "the server refused the connection (error " + error.getErrorCode() + ", SQLState "
                + error.getSQLState() + ")";
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("public key") || text.contains("caching_sha2") || text.contains("rsa")) {
            return server + ": the account uses caching_sha2_password and the password cannot be sent safely;"
                    + " use ssl-mode=required (or verify-ca) in the upstream URI, or give the account"
                    + " mysql_native_password";
        }
        if (error.getErrorCode() == ACCESS_DENIED) {
            return server + ": access denied: check the user and password in the upstream URI";
        }
        return server;
    }
}
