package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
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
        checkGrants(database);
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
