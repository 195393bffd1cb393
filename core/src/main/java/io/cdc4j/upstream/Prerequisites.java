package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks that the upstream is set up for change data capture, with errors that name the setting and the fix. */
public final class Prerequisites {
    private static final Logger LOG = LoggerFactory.getLogger(Prerequisites.class);

    private Prerequisites() {
    }

    /** Throws UPSTREAM_PREREQUISITE for the first setting or privilege that is wrong. */
    public static void check(UpstreamDatabase database) {
        String logBin = database.variable("log_bin").orElse("OFF");
        if (!logBin.equalsIgnoreCase("ON") && !logBin.equals("1")) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE,
                    "the upstream's binlog is off (log_bin=" + logBin + "): start the server with --log-bin");
        }
        expect(database, "binlog_format", "ROW");
        expect(database, "binlog_row_image", "FULL");
        expect(database, "binlog_row_metadata", "FULL");
        checkEventEncoding(database::variable);
        checkGrants(database);
    }

    /**
     * Refuses the settings that make the server write events cdc4j cannot read: MySQL's compressed transactions
     * and partial JSON updates, MariaDB's compressed binlog events. A variable the server does not have is fine.
     */
    static void checkEventEncoding(Function<String, Optional<String>> variable) {
        if (variable.apply("binlog_transaction_compression").filter(Prerequisites::isOn).isPresent()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream has "
                    + "binlog_transaction_compression=ON: cdc4j cannot read compressed binlog transactions; run "
                    + "SET GLOBAL binlog_transaction_compression=OFF and set it in the server's configuration "
                    + "(--binlog-transaction-compression=OFF)");
        }
        Optional<String> rowValueOptions = variable.apply("binlog_row_value_options");
        if (rowValueOptions.filter(value -> value.toUpperCase(Locale.ROOT).contains("PARTIAL_JSON")).isPresent()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream has binlog_row_value_options="
                    + rowValueOptions.get() + ": partial JSON updates leave the full row out of the binlog; run "
                    + "SET GLOBAL binlog_row_value_options='' and set it in the server's configuration "
                    + "(--binlog-row-value-options='')");
        }
        if (variable.apply("log_bin_compress").filter(Prerequisites::isOn).isPresent()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream has log_bin_compress=ON: cdc4j "
                    + "cannot read compressed binlog events; run SET GLOBAL log_bin_compress=OFF and set it in the "
                    + "server's configuration (--log-bin-compress=OFF)");
        }
    }

    private static boolean isOn(String value) {
        return value.equalsIgnoreCase("ON") || value.equals("1");
    }

    private static void expect(UpstreamDatabase database, String name, String wanted) {
        String actual = database.variable(name).orElseThrow(() -> new CdcException(ErrorCode.UPSTREAM_PREREQUISITE,
                "the upstream has no " + name + " setting: cdc4j needs MySQL 8.0.1+ or MariaDB 10.5+"));
        if (!actual.equalsIgnoreCase(wanted)) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream has " + name + "=" + actual
                    + ", cdc4j needs " + name + "=" + wanted + ": run SET GLOBAL " + name + "='" + wanted
                    + "' and set it in the server's configuration (--" + name.replace('_', '-') + "=" + wanted + ")");
        }
    }

    private static void checkGrants(UpstreamDatabase database) {
        Set<String> missing;
        try {
            missing = GrantsCheck.missing(database.grants());
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("skip-grant-tables")) {
                LOG.info("the upstream runs with --skip-grant-tables: privileges not checked");
                return;
            }
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "cannot read the upstream user's grants", e);
        }
        if (!missing.isEmpty()) {
            throw new CdcException(ErrorCode.UPSTREAM_PREREQUISITE, "the upstream user lacks " + String.join(", ", missing)
                    + ": run GRANT " + String.join(", ", missing) + " ON *.* TO the user cdc4j connects as");
        }
    }
}
