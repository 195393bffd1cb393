package io.cdc4j.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import io.cdc4j.model.ChangefeedId;
import io.cdc4j.model.SchemaVersion;
import io.cdc4j.model.TableName;
import io.cdc4j.schema.CatalogSnapshot;
import io.cdc4j.schema.SchemaCatalog;
import io.cdc4j.testing.TestZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved table schemas against a real ZooKeeper: exact round trip, written once, trimmed, removed with the changefeed. */
class SchemaSnapshotStoreIT {
    @TempDir
    Path dir;
    TestZooKeeper zk;
    CuratorFramework client;
    ChangefeedStore changefeeds;
    SchemaSnapshotStore schemas;
    final MetaKeys keys = new MetaKeys("default");

    @BeforeEach
    void start() {
        zk = new TestZooKeeper(dir);
        client = MetaSession.open(MetaEndpoint.local(zk.hostPort()), Duration.ofSeconds(10), Duration.ofSeconds(10));
        changefeeds = new ChangefeedStore(client, keys);
        schemas = changefeeds.schemas();
    }

    @AfterEach
    void stop() {
        client.close();
        zk.close();
    }

    private ChangefeedId create(String id) {
        changefeeds.create(ChangefeedStoreIT.info(id), ChangefeedStatus.initial(1000));
        return new ChangefeedId("default", id);
    }

    private static CatalogSnapshot catalog(String... ddl) {
        SchemaCatalog catalog = new SchemaCatalog();
        catalog.load("CREATE TABLE `loaded` (`id` int(11) NOT NULL, PRIMARY KEY (`id`))", "d", false);
        for (String statement : ddl) {
            catalog.apply(statement, "d");
        }
        return catalog.snapshot();
    }

    private static SchemaVersion at(String file, long position) {
        return new SchemaVersion(file, position);
    }

    @Test
    void aSavedVersionReadsBackExactlyAndIsWrittenOnlyOnce() {
        ChangefeedId id = create("cf");
        CatalogSnapshot first = catalog("CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, "
                + "name VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'x', doc JSON, "
                + "price DECIMAL(10,2) UNSIGNED, g INT AS (id + 1) VIRTUAL, PRIMARY KEY (id), "
                + "UNIQUE KEY un (name(4))) DEFAULT CHARSET=latin1");
        schemas.save(id, at("bin.000002", 120), first);
        assertThat(schemas.load(id, at("bin.000002", 120))).contains(first);
        assertThat(first.unchecked()).containsExactly(new TableName("d", "loaded"));

        schemas.save(id, at("bin.000002", 120), catalog());
        assertThat(schemas.load(id, at("bin.000002", 120))).as("whoever saves a version first wins").contains(first);
        assertThat(schemas.load(id, at("bin.000002", 121))).isEmpty();
    }

    @Test
    void versionsBeforeTheOneNeededAreDroppedInBinlogOrder() {
        ChangefeedId id = create("cf");
        List<SchemaVersion> versions = List.of(at("bin.000009", 500), at("bin.000010", 4), at("bin.000010", 900),
                at("bin.000011", 50));
        for (SchemaVersion version : versions) {
            schemas.save(id, version, catalog());
        }
        assertThat(schemas.versions(id)).as("file numbers order them, not text").containsExactlyElementsOf(versions);
        assertThat(schemas.dropBefore(id, at("bin.000010", 900))).isEqualTo(2);
        assertThat(schemas.versions(id)).containsExactly(at("bin.000010", 900), at("bin.000011", 50));
        assertThat(schemas.dropBefore(id, at("bin.000010", 900))).isZero();
    }

    @Test
    void theyGoWithTheChangefeedAndAreNotSavedForOneThatIsGone() {
        ChangefeedId id = create("cf");
        schemas.save(id, at("bin.000001", 4), catalog());
        schemas.save(id, at("bin.000001", 400), catalog());
        assertThat(changefeeds.remove(id)).isTrue();
        assertThat(schemas.versions(id)).isEmpty();
        assertThatThrownBy(() -> schemas.save(id, at("bin.000001", 800), catalog()))
                .isInstanceOfSatisfying(CdcException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CHANGEFEED_NOT_EXISTS));
        assertThat(schemas.versions(id)).isEmpty();
        create("cf");
        assertThat(schemas.load(id, at("bin.000001", 400))).as("a changefeed created again starts without them")
                .isEmpty();
    }
}
