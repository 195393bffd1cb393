package io.cdc4j.sink.mysql;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Folds a text value to a form that is equal for any two values the column's collation compares equal, so that
 * conflict detection sees writes that collide on a unique index downstream. It errs towards equal: a false conflict
 * only costs parallelism, a missed one breaks the order of writes.
 * <ul>
 *   <li>Case- and accent-sensitive collations ({@code _bin}, {@code _cs}, {@code binary}) keep the text as it is.</li>
 *   <li>All others ({@code _ci}, {@code _ai_ci}, {@code _as_ci}, and unknown ones) fold case and drop accents:
 *   {@code utf8mb4_general_ci} and {@code utf8mb4_unicode_ci} compare 'é' equal to 'e' and 'A' to 'a'; an
 *   accent-sensitive {@code _as_ci} collation gets folded further than it compares, which is harmless. Case folds
 *   through upper case, so 'ß' becomes "ss" as in the UCA collations; the {@code _general_} collations, where
 *   'ß' = 's', fold it to "s". Other expansions and contractions a collation may define (e.g. 'æ' = "ae") are not
 *   known here.</li>
 *   <li>PAD SPACE collations (all but MariaDB's {@code nopad} ones, MySQL's {@code _0900_} ones and
 *   {@code binary}) ignore trailing spaces, so those are cut.</li>
 * </ul>
 */
final class CollationFold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private CollationFold() {
    }

    /** The folded form of {@code text} under {@code collation} (empty: unknown, folded the most). */
    static String fold(String text, Optional<String> collation) {
        String name = collation.orElse("").toLowerCase(Locale.ROOT);
        String folded = padSpace(name) ? stripTrailingSpaces(text) : text;
        if (exact(name)) {
            return folded;
        }
        if (folded.chars().allMatch(c -> c < 0x80)) {
            return folded.toLowerCase(Locale.ROOT);
        }
        String simple = name.contains("_general_") ? folded.replace('ß', 's') : folded;
        String bare = MARKS.matcher(Normalizer.normalize(simple, Normalizer.Form.NFD)).replaceAll("");
        return bare.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean exact(String name) {
        return name.equals("binary") || name.endsWith("_bin") || name.contains("_cs");
    }

    private static boolean padSpace(String name) {
        return !(name.equals("binary") || name.contains("nopad") || name.contains("_0900_"));
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
