package io.cdc4j.upstream.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the collation ids found in TABLE_MAP metadata to MySQL charset names, collation names and Java charsets.
 * The id to name table is read from the upstream's {@code information_schema.COLLATIONS}, since ids differ between
 * MySQL and MariaDB versions.
 */
public final class CollationCharsets {
    /** The collation id of the {@code binary} pseudo charset: the column holds bytes, not text. */
    public static final int BINARY_COLLATION = 63;

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf8mb4", "UTF-8"), Map.entry("utf8mb3", "UTF-8"), Map.entry("utf8", "UTF-8"),
            Map.entry("latin1", "windows-1252"), Map.entry("ascii", "US-ASCII"), Map.entry("binary", "ISO-8859-1"),
            Map.entry("ucs2", "UTF-16BE"), Map.entry("utf16", "UTF-16BE"), Map.entry("utf16le", "UTF-16LE"),
            Map.entry("utf32", "UTF-32BE"), Map.entry("latin2", "ISO-8859-2"), Map.entry("latin5", "ISO-8859-9"),
            Map.entry("latin7", "ISO-8859-13"), Map.entry("greek", "ISO-8859-7"), Map.entry("hebrew", "ISO-8859-8"),
            Map.entry("cp1250", "windows-1250"), Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1256", "windows-1256"), Map.entry("cp1257", "windows-1257"), Map.entry("cp850", "IBM850"),
            Map.entry("cp852", "IBM852"), Map.entry("cp866", "IBM866"), Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"), Map.entry("gbk", "GBK"), Map.entry("gb2312", "GB2312"),
            Map.entry("gb18030", "GB18030"), Map.entry("big5", "Big5"), Map.entry("sjis", "Shift_JIS"),
            Map.entry("cp932", "windows-31j"), Map.entry("ujis", "EUC-JP"), Map.entry("eucjpms", "x-eucJP-Open"),
            Map.entry("euckr", "EUC-KR"), Map.entry("tis620", "TIS-620"));

    private final Map<Integer, String> charsetByCollation;
    private final Map<Integer, String> nameByCollation;

    /** A mapping from collation ids to MySQL charset names, as the upstream lists them, without collation names. */
    public CollationCharsets(Map<Integer, String> charsetByCollation) {
        this(charsetByCollation, Map.of());
    }

    /** Mappings from collation ids to MySQL charset names and to collation names, as the upstream lists them. */
    public CollationCharsets(Map<Integer, String> charsetByCollation, Map<Integer, String> nameByCollation) {
        this.charsetByCollation = Map.copyOf(new HashMap<>(charsetByCollation));
        this.nameByCollation = Map.copyOf(new HashMap<>(nameByCollation));
    }

    /** The collation name of a collation id (e.g. {@code utf8mb4_general_ci}), if the upstream knows it. */
    public Optional<String> collationName(int collationId) {
        return Optional.ofNullable(nameByCollation.get(collationId));
    }

    /** The MySQL charset name of a collation id, if the upstream knows it. */
    public Optional<String> charsetName(int collationId) {
        return Optional.ofNullable(charsetByCollation.get(collationId));
    }

    /** The Java charset for a MySQL charset name; UTF-8 for names Java has no match for. */
    public static Charset javaCharset(String mysqlCharset) {
        String javaName = JAVA_NAMES.get(mysqlCharset.toLowerCase(java.util.Locale.ROOT));
        if (javaName == null || !Charset.isSupported(javaName)) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName(javaName);
    }
}
