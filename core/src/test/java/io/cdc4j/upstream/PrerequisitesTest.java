package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings that make the upstream write events cdc4j cannot read are refused, naming the fix. */
class PrerequisitesTest {
    private static void check(Map<String, String> variables) {
        Prerequisites.checkEventEncoding(name -> Optional.ofNullable(variables.get(name)));
    }

    @Test
    void compressedTransactionsAreRefused() {
        assertThatThrownBy(() -> check(Map.of("binlog_transaction_compression", "ON")))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_PREREQUISITE))
                .hasMessageContaining("binlog_transaction_compression=ON")
                .hasMessageContaining("SET GLOBAL binlog_transaction_compression=OFF");
    }

    @Test
    void partialJsonIsRefused() {
        assertThatThrownBy(() -> check(Map.of("binlog_row_value_options", "PARTIAL_JSON")))
                .hasMessageContaining("binlog_row_value_options=PARTIAL_JSON")
                .hasMessageContaining("SET GLOBAL binlog_row_value_options=''");
    }

    @Test
    void mariaDbsCompressedEventsAreRefused() {
        assertThatThrownBy(() -> check(Map.of("log_bin_compress", "ON")))
                .hasMessageContaining("SET GLOBAL log_bin_compress=OFF");
    }

    @Test
    void theDefaultsAndMissingVariablesPass() {
        assertThatCode(() -> check(Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of("binlog_transaction_compression", "OFF", "binlog_row_value_options", "",
                "log_bin_compress", "OFF"))).doesNotThrowAnyException();
    }
}
