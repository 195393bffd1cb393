package io.cdc4j.sink.mysql;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Sorts downstream errors: which are worth retrying, and which DDL errors mean the DDL is already done. */
final class MySqlErrors {
    static final int UNKNOWN_DATABASE = 1049;
    static final int DUPLICATE_ENTRY = 1062;
    static final int NO_SUCH_TABLE = 1146;
    static final int UNKNOWN_TIME_ZONE = 1298;
    private static final Set<Integer> TRANSIENT = Set.of(
            1040, // too many connections
            1053, // server shutdown in progress
            1205, // lock wait timeout
            1213, // deadlock
            1927, // connection was killed
            2002, 2003, 2006, 2013); // cannot connect, server gone away, lost connection
    /** TiCDC's list of DDL errors that mean an idempotent re-run of a DDL that is already applied. */
    private static final Set<Integer> DDL_ALREADY_DONE = Set.of(1007, 1008, 1050, 1051, 1054, 1060, 1061, 1068, 1091,
            1176, 1507, 1517, 1831);

    private MySqlErrors() {
    }

    /** Whether a retry may succeed: lost connections, deadlocks, lock wait timeouts. */
    static boolean isTransient(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (TRANSIENT.contains(sql.getErrorCode())
                    || sql instanceof SQLTransientException || sql instanceof SQLNonTransientConnectionException
                    || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the error is about reaching the downstream rather than about a statement. */
    static boolean isConnection(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql instanceof SQLNonTransientConnectionException
                    || sql.getErrorCode() == 2002 || sql.getErrorCode() == 2003 || sql.getErrorCode() == 2006
                    || sql.getErrorCode() == 2013 || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failed DDL means the downstream already has its effect. */
    static boolean isDdlAlreadyDone(SQLException error) {
        return DDL_ALREADY_DONE.contains(error.getErrorCode());
    }

    /** The error with its MySQL error number, for messages. */
    static String describe(SQLException error) {
        return "Error " + error.getErrorCode() + " (" + error.getSQLState() + "): " + error.getMessage();
    }
}
