package io.cdc4j.upstream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads SHOW GRANTS lines to tell which of the privileges a binlog reader needs are missing. */
public final class GrantsCheck {
    /** The privileges cdc4j needs on {@code *.*}. */
    public static final List<String> REQUIRED = List.of("REPLICATION SLAVE", "REPLICATION CLIENT", "SELECT");

    private static final Pattern GRANT = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+(\\S+)\\s+TO\\s",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private GrantsCheck() {
    }

    /** The required privileges no line grants on {@code *.*}, in {@link #REQUIRED} order. */
    public static Set<String> missing(List<String> grantLines) {
        Set<String> granted = new LinkedHashSet<>();
        for (String line : grantLines) {
            Matcher matcher = GRANT.matcher(line.trim());
            if (!matcher.find() || !matcher.group(2).replace("`", "").equals("*.*")) {
                continue;
            }
            for (String privilege : matcher.group(1).split(",")) {
                String name = privilege.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                switch (name) {
                    case "ALL", "ALL PRIVILEGES" -> granted.addAll(REQUIRED);
                    case "REPLICATION REPLICA" -> granted.add("REPLICATION SLAVE");
                    case "BINLOG MONITOR" -> granted.add("REPLICATION CLIENT");
                    default -> granted.add(name);
                }
            }
        }
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        missing.removeAll(granted);
        return missing;
    }
}
