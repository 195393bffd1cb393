package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

/** A server started with the wrong binlog settings is refused with errors that name the setting and the fix. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrerequisitesIT {
    private static MariaDbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariaDbServer.start("STATEMENT", "FULL");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    @Order(1)
    void statementFormatIsRefused() {
        assertThatThrownBy(this::check).isInstanceOfSatisfying(CdcException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_PREREQUISITE))
                .hasMessageContaining("binlog_format=STATEMENT").hasMessageContaining("binlog_format=ROW")
                .hasMessageContaining("SET GLOBAL binlog_format='ROW'");
    }

    @Test
    @Order(2)
    void minimalRowMetadataIsRefused() throws Exception {
        server.execute("SET GLOBAL binlog_format = 'ROW'", "SET GLOBAL binlog_row_metadata = 'MINIMAL'");
        assertThatThrownBy(this::check).isInstanceOf(CdcException.class)
                .hasMessageContaining("binlog_row_metadata=MINIMAL").hasMessageContaining("--binlog-row-metadata=FULL");
    }

    @Test
    @Order(3)
    void partialRowImageIsRefused() throws Exception {
        server.execute("SET GLOBAL binlog_row_metadata = 'FULL'", "SET GLOBAL binlog_row_image = 'NOBLOB'");
        assertThatThrownBy(this::check).hasMessageContaining("binlog_row_image=NOBLOB");
    }

    @Test
    @Order(4)
    void compressedBinlogEventsAreRefused() throws Exception {
        server.execute("SET GLOBAL binlog_row_image = 'FULL'", "SET GLOBAL log_bin_compress = ON");
        assertThatThrownBy(this::check).hasMessageContaining("log_bin_compress=ON")
                .hasMessageContaining("SET GLOBAL log_bin_compress=OFF");
        server.execute("SET GLOBAL log_bin_compress = OFF");
        check();
    }

    private void check() {
        try (UpstreamDatabase database = UpstreamDatabase.connect(server.config())) {
            Prerequisites.check(database);
        }
    }
}
