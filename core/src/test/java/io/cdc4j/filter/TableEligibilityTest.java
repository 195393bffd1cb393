package io.cdc4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.TableName;
import io.cdc4j.upstream.UpstreamTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableEligibilityTest {
    private static final List<UpstreamTable> TABLES = List.of(
            new UpstreamTable(new TableName("shop", "orders"), true),
            new UpstreamTable(new TableName("shop", "log"), false),
            new UpstreamTable(new TableName("mysql", "user"), true),
            new UpstreamTable(new TableName("other", "t"), false));

    @Test
    void splitsTheSelectedTablesByTheirKeys() {
        TableEligibility result = TableEligibility.of(TABLES, TableFilter.of(List.of("shop.*"), false), false);
        assertThat(result.eligible()).containsExactly(new TableName("shop", "orders"));
        assertThat(result.ineligible()).containsExactly(new TableName("shop", "log"));
    }

    @Test
    void forceReplicateMakesEverySelectedTableEligibleButNeverASystemOne() {
        TableEligibility result = TableEligibility.of(TABLES, TableFilter.of(List.of("*.*"), false), true);
        assertThat(result.eligible()).containsExactly(new TableName("shop", "orders"), new TableName("shop", "log"),
                new TableName("other", "t"));
        assertThat(result.ineligible()).isEmpty();
    }

    @Test
    void ineligibleTablesAreRefusedUnlessIgnored() {
        TableEligibility result = TableEligibility.of(TABLES, TableFilter.of(List.of("*.*"), false), false);
        assertThatThrownBy(() -> result.requireEligible(false))
                .isInstanceOf(CdcException.class)
                .hasMessageStartingWith("[CDC:ErrTableIneligible]some tables are not eligible to replicate(")
                .hasMessageContaining("`shop`.`log`").hasMessageContaining("`other`.`t`")
                .satisfies(e -> assertThat(((CdcException) e).errorCode()).isEqualTo(ErrorCode.TABLE_INELIGIBLE));
        result.requireEligible(true);
    }
}
