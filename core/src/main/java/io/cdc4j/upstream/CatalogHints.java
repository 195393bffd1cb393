package io.cdc4j.upstream;

import io.cdc4j.error.CdcException;
import io.cdc4j.model.ReaderPosition;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableName;
import io.cdc4j.model.TableSchema;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.schema.SchemaHistory;
import io.cdc4j.upstream.decode.ColumnHints;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The column hints of each table as of the binlog position being read, from a {@link SchemaHistory}: its catalog
 * starts from the schemas saved with the checkpoint, or (at a first start) from {@code SHOW CREATE TABLE} of every
 * selected table, and every table DDL read from the binlog is applied to it, so rows written between two DDLs get the
 * schema of their time even when the reader is far behind.
 *
 * <p>Schemas loaded from the upstream describe it as it is at the load, a point {@code loadedAt} that the reader has
 * not reached yet: they are unchecked until the reader gets there, and a DDL read before that point that names one of
 * them is not applied to it (the load already shows its effect): the tables it names are forgotten and read again,
 * unchecked, unless it is a CREATE TABLE listing its columns, whose schema is exact whatever came before. At
 * {@code loadedAt} the loaded tables no DDL named become checked. Past it, a DDL the catalog cannot apply makes it
 * forget the tables the DDL names, which are then read from the upstream again, as they are now, unchecked, with a
 * warning naming the DDL.
 */
final class CatalogHints implements TransactionAssembler.HintSource {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogHints.class);

    private final SchemaHistory history;
    private final UpstreamDatabase database;
    private final Predicate<TableName> selected;
    /** The tables loaded from the upstream at the start that no DDL read since named, by catalog key. */
    private final Set<TableName> pristine = new HashSet<>();
    /**
     * The tables whose schema was read from the upstream while the reader is before the point it was read for (at
     * the start, or when first met since), and no CREATE TABLE replaced since: a DDL naming one is not applied to it.
     */
    private final Set<TableName> fromUpstream = new HashSet<>();
    private Optional<SchemaVersion> loadedAt;
    /** The version in force as last saved with a position, and its text: positions are made for every commit. */
    private SchemaVersion currentVersion;
    private String currentText;

    private CatalogHints(UpstreamDatabase database, SchemaHistory history, Optional<SchemaVersion> loadedAt,
                         Predicate<TableName> selected) {
        this.database = database;
        this.selected = selected;
        this.history = history;
        this.loadedAt = loadedAt;
        if (loadedAt.isPresent()) {
            history.catalog().tables().forEach(table -> pristine.add(history.catalog().keyOf(table.name())));
            fromUpstream.addAll(pristine);
        }
    }

    /** What a reader's schemas start from, made ready before the DDL grammar is: {@link #prepare}. */
    sealed interface Prepared {
    }

    /** The schemas saved for a checkpoint's version. */
    record Restored(SchemaStart.Restore restore) implements Prepared {
    }

    /**
     * What a first start reads from the upstream before the DDL grammar is ready: the {@code SHOW CREATE TABLE} of
     * every selected table, and the binlog position right after (the point they describe).
     *
     * @param definitions each table's definition, in the upstream's order
     * @param readFor the binlog end read after the definitions
     * @param millis how long reading them took
     */
    record Definitions(Map<TableName, String> definitions, SchemaVersion readFor, long millis) implements Prepared {
    }

    /** What {@code schemas} needs: for a load, the definitions of the selected tables (I/O only, no parsing). */
    static Prepared prepare(UpstreamDatabase database, SchemaStart schemas, Predicate<TableName> selected) {
        return switch (schemas) {
            case SchemaStart.Restore restore -> new Restored(restore);
            case SchemaStart.Load load -> {
                long began = System.nanoTime();
                Map<TableName, String> definitions = new LinkedHashMap<>();
                for (TableName table : database.baseTables()) {
                    if (selected.test(table)) {
                        database.showCreateTable(table).ifPresent(text -> definitions.put(table, text));
                    }
                }
                BinlogCoordinates end = database.binlogEnd();
                yield new Definitions(definitions, new SchemaVersion(end.file(), end.position()),
                        (System.nanoTime() - began) / 1_000_000);
            }
        };
    }

    /**
     * The hints of a reader starting at {@code start} with the {@code prepared} schemas; the tables it reads from the
     * upstream later are those {@code selected} accepts.
     */
    static CatalogHints start(UpstreamDatabase database, TableNameCase nameCase, ReaderPosition start,
                              Prepared prepared, Predicate<TableName> selected) {
        SchemaCatalog catalog = new SchemaCatalog(nameCase::key, nameCase::key);
        return switch (prepared) {
            case Restored restored -> {
                catalog.restore(restored.restore().snapshot());
                yield new CatalogHints(database, new SchemaHistory(catalog, restored.restore().version()),
                        Optional.empty(), selected);
            }
            case Definitions read -> {
                SchemaVersion startVersion = new SchemaVersion(start.binlogFile(), start.binlogPosition());
                read.definitions().forEach((table, text) -> parse(catalog, table, text));
                SchemaVersion loaded = read.readFor();
                boolean loadedAtStart = loaded.compareTo(startVersion) <= 0;
                LOG.info("read the schemas of {} tables from the upstream in {} ms, for binlog position {}",
                        catalog.tables().size(), read.millis(), loaded);
                if (loadedAtStart) {
                    catalog.tables().forEach(table -> catalog.check(catalog.keyOf(table.name())));
                }
                yield new CatalogHints(database, new SchemaHistory(catalog, startVersion),
                        loadedAtStart ? Optional.empty() : Optional.of(loaded), selected);
            }
        };
    }

    /** The history of the schemas, for the versions checkpoints save. */
    SchemaHistory history() {
        return history;
    }

    @Override
    public ColumnHints hints(TableName table, SchemaVersion at) {
        checkedFrom(at, false);
        SchemaCatalog catalog = history.catalog();
        Optional<TableSchema> known = catalog.table(table);
        if (known.isEmpty()) {
            history.amend(() -> loadFromUpstream(catalog, database, table));
            known = catalog.table(table);
            if (known.isEmpty()) {
                // gone since, or a definition cdc4j cannot read: what information_schema lists now, if anything
                return database.columnHints(table.schema(), table.table());
            }
            if (loadedAt.isPresent()) {
                fromUpstream.add(catalog.keyOf(table));
            }
        }
        return ColumnHints.of(known.get(), catalog.checked(table));
    }

    @Override
    public void ddl(String query, String sessionSchema, List<TableName> tables, Optional<String> schema,
                    SchemaVersion at) {
        if (at.compareTo(history.current()) <= 0) {
            // read again after a reconnect (CREATE TABLE ... SELECT resumes at its group's start): applied already
            return;
        }
        checkedFrom(at, true);
        SchemaCatalog catalog = history.catalog();
        history.ddl(at, () -> {
            List<TableName> named = tables.stream().map(catalog::keyOf).toList();
            Optional<String> namedSchema = schema.map(catalog::schemaKeyOf);
            boolean onLoaded = named.stream().anyMatch(fromUpstream::contains)
                    || namedSchema.isPresent() && fromUpstream.stream().anyMatch(k -> k.schema().equals(
                    namedSchema.get()));
            named.forEach(pristine::remove);
            namedSchema.ifPresent(name -> pristine.removeIf(key -> key.schema().equals(name)));
            if (onLoaded && !SchemaCatalog.definesColumns(query)) {
                // the schemas read from the upstream already show this DDL's effect: read them again, unchecked
                namedSchema.ifPresent(name -> fromUpstream.removeIf(key -> key.schema().equals(name)));
                named.forEach(fromUpstream::remove);
                schema.ifPresent(catalog::forgetSchema);
                readAgain(tables).forEach(table -> fromUpstream.add(catalog.keyOf(table)));
                return;
            }
            named.forEach(fromUpstream::remove);
            try {
                catalog.apply(query, sessionSchema);
            } catch (RuntimeException e) {
                LOG.warn("cdc4j cannot apply the DDL [{}] to the schema it holds ({}); tables {} are read from the"
                        + " upstream again, as they are now", query, e.getMessage(), tables, stackOf(e));
                schema.ifPresent(catalog::forgetSchema);
                readAgain(tables);
            }
        });
    }

    /**
     * Forgets the tables and reads those selected again from the upstream as they are now, unchecked, as part of
     * the DDL being applied (so the version it makes holds them); returns those read.
     */
    private List<TableName> readAgain(List<TableName> tables) {
        SchemaCatalog catalog = history.catalog();
        tables.forEach(catalog::forget);
        return tables.stream().filter(selected).filter(table -> loadFromUpstream(catalog, database, table)).toList();
    }

    @Override
    public String schemaAt() {
        SchemaVersion current = history.current();
        if (!current.equals(currentVersion)) {
            currentVersion = current;
            currentText = current.toString();
        }
        return currentText;
    }

    /**
     * Once the reader is past the point the schemas were loaded for, those loaded then that no DDL named since are
     * the ones in force: they become checked, as a version of their own at that point.
     *
     * @param at where the reader is: the start of the event it reads, or ({@code end}) the end of a DDL
     */
    private void checkedFrom(SchemaVersion at, boolean end) {
        if (loadedAt.isEmpty()) {
            return;
        }
        int order = at.compareTo(loadedAt.get());
        if (order < 0 || (end && order == 0)) {
            return;
        }
        SchemaVersion loaded = loadedAt.get();
        loadedAt = Optional.empty();
        SchemaCatalog catalog = history.catalog();
        Runnable check = () -> pristine.forEach(catalog::check);
        if (loaded.compareTo(history.current()) > 0) {
            history.ddl(loaded, check);
        } else {
            // a DDL read just before the load ended where it was taken: the version it made stays unchecked
            check.run();
        }
        pristine.clear();
        fromUpstream.clear();
    }

    /**
     * Loads a table as {@code SHOW CREATE TABLE} prints it now, unchecked; whether it did (not when the table is gone
     * or its definition cannot be read).
     */
    private static boolean loadFromUpstream(SchemaCatalog catalog, UpstreamDatabase database, TableName table) {
        Optional<String> created = database.showCreateTable(table);
        return created.isPresent() && parse(catalog, table, created.get());
    }

    /** Loads a table from its definition, unchecked; whether it could be read. */
    private static boolean parse(SchemaCatalog catalog, TableName table, String createTable) {
        try {
            catalog.load(createTable, table.schema(), false);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cdc4j cannot read the definition of table {} ({}); its rows are decoded with the columns "
                    + "information_schema lists", table, e.getMessage(), stackOf(e));
            return false;
        }
    }

    /** The failure itself, for its stack trace, when it is not one of ours (whose message says it all). */
    private static Throwable stackOf(RuntimeException e) {
        return e instanceof CdcException ? null : e;
    }
}
