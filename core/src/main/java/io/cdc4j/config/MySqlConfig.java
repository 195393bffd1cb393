package io.cdc4j.config;

import java.util.Optional;

/** {@code sink.mysql_config}: MySQL sink settings that can also be given as sink-URI parameters; every field may be unset. */
public record MySqlConfig(
        Optional<Integer> workerCount,
        Optional<Integer> maxTxnRow,
        Optional<Integer> maxMultiUpdateRowSize,
        Optional<Integer> maxMultiUpdateRowCount,
        Optional<String> tidbTxnMode,
        Optional<String> sslCa,
        Optional<String> sslCert,
        Optional<String> sslKey,
        Optional<String> timeZone,
        Optional<String> writeTimeout,
        Optional<String> readTimeout,
        Optional<String> timeout,
        Optional<Boolean> enableBatchDml,
        Optional<Boolean> enableMultiStatement,
        Optional<Boolean> enableCachePreparedStatement) {

    /** TiCDC's rows per multi-row UPDATE ({@code max-multi-update-row}); cdc4j writes one UPDATE per row. */
    public static final int DEFAULT_MAX_MULTI_UPDATE_ROW_COUNT = 40;
    /** TiCDC's average row size above which UPDATEs go one by one ({@code max-multi-update-row-size}). */
    public static final int DEFAULT_MAX_MULTI_UPDATE_ROW_SIZE = 1024;
    /** TiCDC's {@code tidb-txn-mode}; cdc4j never sets a TiDB transaction mode. */
    public static final String DEFAULT_TIDB_TXN_MODE = "optimistic";

    public MySqlConfig {
        workerCount = Values.opt(workerCount);
        maxTxnRow = Values.opt(maxTxnRow);
        maxMultiUpdateRowSize = Values.opt(maxMultiUpdateRowSize);
        maxMultiUpdateRowCount = Values.opt(maxMultiUpdateRowCount);
        tidbTxnMode = Values.opt(tidbTxnMode);
        sslCa = Values.opt(sslCa);
        sslCert = Values.opt(sslCert);
        sslKey = Values.opt(sslKey);
        timeZone = Values.opt(timeZone);
        writeTimeout = Values.opt(writeTimeout);
        readTimeout = Values.opt(readTimeout);
        timeout = Values.opt(timeout);
        enableBatchDml = Values.opt(enableBatchDml);
        enableMultiStatement = Values.opt(enableMultiStatement);
        enableCachePreparedStatement = Values.opt(enableCachePreparedStatement);
    }
}
