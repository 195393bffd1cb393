package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.Tso;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusal of a start ts older than the oldest binlog, and what its message tells. */
class BinlogRetentionTest {
    private static final Map<String, Long> STARTS = Map.of("binlog.000007", 1_700_000_000_000L,
            "binlog.000008", 1_700_000_600_000L);
    private static final List<String> FILES = List.of("binlog.000007", "binlog.000008");

    @Test
    void aStartTsBeforeTheOldestFileIsRefusedNamingItItsStartAndTheFix() {
        long startTs = Tso.compose(1_699_999_999_999L, 0);
        assertThatThrownBy(() -> BinlogRetention.require(FILES, STARTS::get, startTs))
                .isInstanceOfSatisfying(CdcException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.START_TS_BEFORE_GC);
                    assertThat(e.getMessage()).contains(String.valueOf(startTs)).contains("binlog.000007")
                            .contains("2023-11-14T22:13:20Z").contains(String.valueOf(Tso.compose(1_700_000_000_000L, 0)))
                            .contains("choose a later start-ts").contains("binlog_expire_logs_seconds");
                });
    }

    @Test
    void aStartTsAtOrAfterTheOldestFilesStartPasses() {
        assertThatCode(() -> BinlogRetention.require(FILES, STARTS::get, Tso.compose(1_700_000_000_000L, 0)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUpstreamWithoutBinlogsIsAPrerequisiteError() {
        assertThatThrownBy(() -> BinlogRetention.require(List.of(), STARTS::get, 1))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UPSTREAM_PREREQUISITE));
    }
}
