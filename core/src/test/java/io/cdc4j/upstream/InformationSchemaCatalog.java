package io.cdc4j.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented information_schema column sets of each server (from information-schema-columns.txt), and a check
 * that names every column a query references which a server's tables lack.
 */
final class InformationSchemaCatalog {
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "EXISTS", "IS",
            "NULL", "AS", "ORDER", "BY", "GROUP", "HAVING", "SUM", "IN", "LIKE", "ASC", "DESC");
    private static final Pattern TABLE = Pattern.compile(
            "(?i)information_schema\\.(\\w+)(?:\\s+(?!WHERE\\b|ORDER\\b|GROUP\\b|HAVING\\b)(\\w+))?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Map<String, Map<String, Set<String>>> servers;

    private InformationSchemaCatalog(Map<String, Map<String, Set<String>>> servers) {
        this.servers = servers;
    }

    /** The catalog of the resource file. */
    static InformationSchemaCatalog load() {
        try (InputStream in = InformationSchemaCatalog.class.getResourceAsStream("information-schema-columns.txt")) {
            Map<String, Map<String, Set<String>>> servers = new LinkedHashMap<>();
            Map<String, Set<String>> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[")) {
                    current = new LinkedHashMap<>();
                    servers.put(text.substring(1, text.length() - 1), current);
                    continue;
                }
                int colon = text.indexOf(':');
                Set<String> columns = new LinkedHashSet<>(Arrays.asList(text.substring(colon + 1).strip().split(",\\s*")));
                current.put(text.substring(0, colon).strip(), columns);
            }
            return new InformationSchemaCatalog(servers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server names of the catalog. */
    Set<String> servers() {
        return servers.keySet();
    }

    /** The documented columns of one table on one server. */
    Set<String> columns(String server, String table) {
        return servers.get(server).get(table);
    }

    /**
     * The references of {@code sql} the server lacks: tables it has no such list for, columns its table lacks, and
     * unqualified names in a query over more than one table. Empty when the query is valid for the server.
     */
    List<String> missing(String server, String sql) {
        Map<String, Set<String>> tables = servers.get(server);
        String text = sql.replaceAll("'[^']*'", "''");
        Map<String, String> aliases = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Matcher matcher = TABLE.matcher(text);
        while (matcher.find()) {
            String table = matcher.group(1).toUpperCase(Locale.ROOT);
            if (!tables.containsKey(table)) {
                problems.add("table " + table);
            }
            aliases.put(matcher.group(2) == null ? table : matcher.group(2), table);
        }
        String rest = TABLE.matcher(text).replaceAll(" ");
        Matcher tokens = TOKEN.matcher(rest);
        String previous = "";
        while (tokens.find()) {
            String token = tokens.group();
            String before = previous;
            previous = token;
            if (KEYWORDS.contains(token.toUpperCase(Locale.ROOT)) || before.equalsIgnoreCase("AS")) {
                continue;
            }
            int dot = token.indexOf('.');
            String table;
            String column;
            if (dot >= 0) {
                table = aliases.get(token.substring(0, dot));
                column = token.substring(dot + 1);
                if (table == null) {
                    problems.add("unknown alias in " + token);
                    continue;
                }
            } else if (aliases.size() == 1) {
                table = aliases.values().iterator().next();
                column = token;
            } else {
                problems.add("unqualified " + token + " in a query over " + aliases.values());
                continue;
            }
            Set<String> columns = tables.get(table);
            if (columns != null && !columns.contains(column.toUpperCase(Locale.ROOT))) {
                problems.add(table + "." + column);
            }
        }
        return problems;
    }
}
