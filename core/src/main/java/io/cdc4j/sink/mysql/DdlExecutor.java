package io.cdc4j.sink.mysql;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.DdlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a DDL downstream as TiCDC does: {@code USE} its default schema (not for CREATE/DROP DATABASE; its table's schema
 * when the downstream lacks the session's), then its text,
 * retrying transient errors. Errors that show the downstream already has the DDL's effect (a table that exists, an
 * unknown table on drop, a duplicate column ...) count as done, with a warning: they happen when a DDL is replayed.
 */
final class DdlExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DdlExecutor.class);

    private final ChangefeedId changefeed;
    private final Downstream downstream;

    DdlExecutor(ChangefeedId changefeed, Downstream downstream) {
        this.changefeed = changefeed;
        this.downstream = downstream;
    }

    /**
     * Executes {@code ddl}; {@code replay} says it may have run before (its commit ts is before the sink started).
     *
     * @throws CdcException MYSQL_QUERY_ERROR or MYSQL_CONNECTION_ERROR with the downstream's message
     */
    void execute(DdlEvent ddl, boolean replay) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                executeOnce(ddl);
                LOG.info("changefeed {} MySQL sink executed DDL at commit ts {}: {}", changefeed, ddl.commitTs(),
                        ddl.query());
                return;
            } catch (SQLException e) {
                if (MySqlErrors.isDdlAlreadyDone(e) || (replay && alreadyRenamed(ddl, e))) {
                    LOG.warn("changefeed {} MySQL sink treats DDL at commit ts {} as done, the downstream already has"
                            + " its effect ({}): {}", changefeed, ddl.commitTs(), MySqlErrors.describe(e), ddl.query());
                    return;
                }
                if (!MySqlErrors.isTransient(e) || attempt >= Retry.STANDARD.attempts()) {
                    ErrorCode code = MySqlErrors.isConnection(e) ? ErrorCode.MYSQL_CONNECTION_ERROR
                            : ErrorCode.MYSQL_QUERY_ERROR;
                    throw new CdcException(code, "DDL at commit ts " + ddl.commitTs() + " failed after " + attempt
                            + " tries (MySQL error " + e.getErrorCode() + "), query: " + ddl.query(), e);
                }
                long wait = Retry.STANDARD.waitBefore(attempt + 1).toMillis();
                LOG.warn("changefeed {} MySQL sink: DDL at commit ts {} failed ({}); retrying in {} ms", changefeed,
                        ddl.commitTs(), MySqlErrors.describe(e), wait);
                Thread.sleep(wait);
            }
        }
    }

    private void executeOnce(DdlEvent ddl) throws SQLException {
        try (Connection connection = downstream.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            boolean database = ddl.type() == DdlType.CREATE_DATABASE || ddl.type() == DdlType.DROP_DATABASE;
            if (!database && !ddl.schema().isEmpty()) {
                use(statement, ddl);
            }
            statement.execute(ddl.query());
        }
    }

    /**
     * Switches to the DDL's session schema, so unqualified names resolve as they did upstream. A session schema the
     * downstream lacks (one the changefeed does not replicate, e.g. {@code USE staging; CREATE TABLE app.t ...}) is
     * replaced by the schema of the DDL's first table, as TiCDC switches to the table's schema.
     */
    private void use(Statement statement, DdlEvent ddl) throws SQLException {
        try {
            statement.execute("USE " + DmlBuilder.quote(ddl.schema()));
        } catch (SQLException e) {
            if (e.getErrorCode() != MySqlErrors.UNKNOWN_DATABASE || ddl.tables().isEmpty()
                    || ddl.tables().getFirst().schema().equals(ddl.schema())) {
                throw e;
            }
            String tableSchema = ddl.tables().getFirst().schema();
            LOG.info("changefeed {} MySQL sink: the DDL's session schema {} is not downstream; it runs in {}, the"
                    + " schema of its table", changefeed, ddl.schema(), tableSchema);
            statement.execute("USE " + DmlBuilder.quote(tableSchema));
        }
    }

    /** A replayed RENAME whose source is gone: the rename already happened. */
    private static boolean alreadyRenamed(DdlEvent ddl, SQLException e) {
        return ddl.type() == DdlType.RENAME_TABLE && e.getErrorCode() == MySqlErrors.NO_SUCH_TABLE;
    }
}
