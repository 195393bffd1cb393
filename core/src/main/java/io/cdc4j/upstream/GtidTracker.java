package io.cdc4j.upstream;

import com.github.shyiko.mysql.binlog.GtidSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the GTID state after the last transaction read: MariaDB's per-domain last GTID
 * ({@code gtid_slave_pos} style, "0-1-42,1-2-7") or a MySQL GTID set.
 */
final class GtidTracker {
    private final Map<Long, String> mariaByDomain = new TreeMap<>();
    private GtidSet mysql;

    GtidTracker(String initial) {
        set(initial);
    }

    void set(String text) {
        mariaByDomain.clear();
        mysql = null;
        String trimmed = text.replace("\n", "").trim();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.contains(":")) {
            mysql = new GtidSet(trimmed);
            return;
        }
        for (String gtid : trimmed.split(",")) {
            addMaria(gtid.trim());
        }
    }

    boolean isEmpty() {
        return mariaByDomain.isEmpty() && (mysql == null || mysql.toString().isEmpty());
    }

    void addMaria(String gtid) {
        int dash = gtid.indexOf('-');
        mariaByDomain.put(Long.parseLong(gtid.substring(0, dash)), gtid);
    }

    void addMysql(String gtid) {
        if (mysql == null) {
            mysql = new GtidSet("");
        }
        mysql.add(gtid);
    }

    @Override
    public String toString() {
        if (mysql != null) {
            return mysql.toString();
        }
        if (mariaByDomain.size() == 1) {
            return mariaByDomain.values().iterator().next();
        }
        return String.join(",", mariaByDomain.values());
    }
}
