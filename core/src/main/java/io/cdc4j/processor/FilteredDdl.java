package io.cdc4j.processor;

import io.cdc4j.model.DdlEvent;
import io.cdc4j.model.TableName;
import io.cdc4j.upstream.ddl.SqlTokenizer;
import io.cdc4j.upstream.ddl.Token;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A RENAME TABLE or DROP TABLE/VIEW of several tables rebuilt for the tables a changefeed keeps, as TiCDC sends
 * on only the kept part of a multi-table DDL: the statement names just those, each with its schema.
 */
final class FilteredDdl {
    private FilteredDdl() {
    }

    /** The DDL naming only {@code kept} (a subsequence of its tables; for a rename old, new pairs); empty if none. */
    static Optional<DdlEvent> keeping(DdlEvent ddl, List<TableName> kept) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        if (kept.size() == ddl.tables().size()) {
            return Optional.of(ddl);
        }
        String query = switch (ddl.type()) {
            case RENAME_TABLE -> rename(kept);
            case DROP_TABLE -> drop("TABLE", ddl.query(), kept);
            case DROP_VIEW -> drop("VIEW", ddl.query(), kept);
            default -> throw new IllegalArgumentException("a " + ddl.type() + " is not split: " + ddl.query());
        };
        return Optional.of(new DdlEvent(kept.getFirst().schema(), kept, ddl.type(), query, ddl.commitTs()));
    }

    private static String rename(List<TableName> pairs) {
        StringBuilder query = new StringBuilder("RENAME TABLE ");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (i > 0) {
                query.append(", ");
            }
            query.append(pairs.get(i)).append(" TO ").append(pairs.get(i + 1));
        }
        return query.toString();
    }

    private static String drop(String object, String original, List<TableName> tables) {
        return "DROP " + object + (ifExists(original) ? " IF EXISTS " : " ")
                + tables.stream().map(TableName::toString).collect(Collectors.joining(", "));
    }

    /** Whether a DROP statement says IF EXISTS after its object word, as the rebuilt one must too. */
    private static boolean ifExists(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        for (int i = 0; i + 1 < tokens.size() && i < 4; i++) {
            if (tokens.get(i).is("IF") && tokens.get(i + 1).is("EXISTS")) {
                return true;
            }
        }
        return false;
    }
}
