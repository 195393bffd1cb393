package io.cdc4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON trees, one line per changed leaf ({@code update config.filter.rules: ["*.*"] ->
 * ["db.*"]}), so that {@code changefeed update} can show what it is about to change before it asks.
 */
final class JsonChanges {
    private JsonChanges() {
    }

    /** Lines describing how {@code after} differs from {@code before}; empty when they are equal. */
    static List<String> between(JsonNode before, JsonNode after) {
        List<String> lines = new ArrayList<>();
        collect("", before, after, lines);
        return List.copyOf(lines);
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<String> lines) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path.isEmpty() ? name : path + "." + name, before.path(name), after.path(name), lines);
            }
        } else if (before.isMissingNode()) {
            lines.add("create " + path + ": " + GoJson.compact(after));
        } else if (after.isMissingNode()) {
            lines.add("delete " + path + ": " + GoJson.compact(before));
        } else {
            lines.add("update " + path + ": " + GoJson.compact(before) + " -> " + GoJson.compact(after));
        }
    }
}
