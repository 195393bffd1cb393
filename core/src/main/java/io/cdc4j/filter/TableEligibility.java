package io.cdc4j.filter;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.TableName;
import io.cdc4j.upstream.UpstreamTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which of the upstream's tables a changefeed replicates, as TiCDC decides at create and update: the
 * tables its filter selects, split into eligible ones and ineligible ones (no primary key and no NOT NULL
 * unique key), where {@code force_replicate} makes every selected table eligible.
 *
 * @param eligible tables the changefeed replicates
 * @param ineligible selected tables it cannot replicate
 */
public record TableEligibility(List<TableName> eligible, List<TableName> ineligible) {

    public TableEligibility {
        eligible = List.copyOf(eligible);
        ineligible = List.copyOf(ineligible);
    }

    /** Sorts the upstream's tables by the filter and the key rule. */
    public static TableEligibility of(List<UpstreamTable> tables, TableFilter filter, boolean forceReplicate) {
        var selected = tables.stream()
                .filter(table -> filter.matchTable(table.name().schema(), table.name().table()))
                .collect(Collectors.partitioningBy(table -> forceReplicate || table.hasHandleKey()));
        return new TableEligibility(names(selected.get(true)), names(selected.get(false)));
    }

    /**
     * Refuses a changefeed with ineligible tables unless {@code ignore_ineligible_table} skips them, with
     * TiCDC's error and advice.
     */
    public void requireEligible(boolean ignoreIneligible) {
        if (!ineligible.isEmpty() && !ignoreIneligible) {
            String names = ineligible.stream().map(TableName::toString).collect(Collectors.joining(", "));
            throw new CdcException(ErrorCode.TABLE_INELIGIBLE, "some tables are not eligible to replicate("
                    + names + "), because they have neither a primary key nor a not-null unique key; set"
                    + " ignore_ineligible_table to true to skip them, or force_replicate to true to replicate them"
                    + " anyway");
        }
    }

    private static List<TableName> names(List<UpstreamTable> tables) {
        return tables.stream().map(UpstreamTable::name).toList();
    }
}
