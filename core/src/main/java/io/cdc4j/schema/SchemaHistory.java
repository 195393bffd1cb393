package io.cdc4j.schema;

import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of a reader's catalog that checkpoints may still resume from: the catalog as of the oldest version
 * not yet saved, and what each DDL read since changed (only the tables it touched), so the catalog as of any later
 * version is rebuilt without keeping a copy per DDL. The reader thread moves the {@link #catalog() catalog} on and
 * records each DDL's changes; the thread saving checkpoints asks for the {@link #snapshotAt snapshot} of the version
 * its checkpoint's reader state names, which also drops every older one.
 */
public final class SchemaHistory {
    private final SchemaCatalog catalog;
    private final Deque<Change> changes = new ArrayDeque<>();
    private final Map<TableName, SchemaCatalog.HeldTable> base = new HashMap<>();
    private SchemaVersion baseVersion;
    private SchemaVersion current;

    /** A history whose catalog (already loaded with the tables in force at {@code start}) begins at {@code start}. */
    public SchemaHistory(SchemaCatalog catalog, SchemaVersion start) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.baseVersion = Objects.requireNonNull(start, "start");
        this.current = start;
        catalog.drainTouched();
        for (TableSchema table : catalog.tables()) {
            TableName key = catalog.keyOf(table.name());
            catalog.held(key).ifPresent(held -> base.put(key, held));
        }
    }

    /** The catalog as of the version being read; only the reader thread uses it. */
    public SchemaCatalog catalog() {
        return catalog;
    }

    /** The version in force at the position being read. */
    public synchronized SchemaVersion current() {
        return current;
    }

    /**
     * Runs {@code ddl} (which applies a DDL to the catalog, or forgets the tables it cannot apply it to) as the DDL
     * that ends at {@code version}, and records the tables it changed; a DDL that changed none makes no version.
     */
    public void ddl(SchemaVersion version, Runnable ddl) {
        Map<TableName, Optional<SchemaCatalog.HeldTable>> changed = changesOf(ddl);
        if (changed.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (version.compareTo(current) <= 0) {
                throw new IllegalStateException("DDL at " + version + " is not after the version in force "
                        + current);
            }
            changes.addLast(new Change(version, changed));
            current = version;
        }
    }

    /**
     * Runs {@code load} (which loads tables the catalog did not hold, as the upstream shows them now) as part of the
     * version in force: a checkpoint resuming with that version gets them as they were loaded, not as the upstream
     * shows them at its restart.
     */
    public void amend(Runnable load) {
        Map<TableName, Optional<SchemaCatalog.HeldTable>> changed = changesOf(load);
        if (changed.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (changes.isEmpty()) {
                applyToBase(changed);
            } else {
                changes.getLast().tables().putAll(changed);
            }
        }
    }

    /** Runs {@code change} on the catalog; each table it touched, as it left it (empty when it is gone). */
    private Map<TableName, Optional<SchemaCatalog.HeldTable>> changesOf(Runnable change) {
        catalog.drainTouched();
        change.run();
        Map<TableName, Optional<SchemaCatalog.HeldTable>> changed = new HashMap<>();
        for (TableName key : catalog.drainTouched()) {
            changed.put(key, catalog.held(key));
        }
        return changed;
    }

    private void applyToBase(Map<TableName, Optional<SchemaCatalog.HeldTable>> changed) {
        changed.forEach((key, held) -> held.ifPresentOrElse(table -> base.put(key, table), () -> base.remove(key)));
    }

    /**
     * The catalog as of {@code version} (a version this history made or began at), to save with a checkpoint;
     * versions before it are dropped.
     *
     * @throws IllegalArgumentException when {@code version} is not one this history holds
     */
    public synchronized CatalogSnapshot snapshotAt(SchemaVersion version) {
        if (!version.equals(baseVersion)) {
            if (changes.stream().noneMatch(change -> change.version().equals(version))) {
                throw new IllegalArgumentException("no schema version " + version + " is kept (the oldest kept is "
                        + baseVersion + ", the newest " + current + ")");
            }
            Iterator<Change> pending = changes.iterator();
            while (pending.hasNext()) {
                Change change = pending.next();
                applyToBase(change.tables());
                pending.remove();
                baseVersion = change.version();
                if (change.version().equals(version)) {
                    break;
                }
            }
        }
        return SchemaCatalog.snapshotOf(base.values());
    }

    /** How many versions are kept (the oldest and each later one). */
    public synchronized int versionsKept() {
        return changes.size() + 1;
    }

    /** What one DDL changed: the tables it touched, each as it was left (empty when it is gone). */
    private record Change(SchemaVersion version, Map<TableName, Optional<SchemaCatalog.HeldTable>> tables) {
    }
}
