package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import org.junit.jupiter.api.Test;

class InMemoryTableIdAllocatorTest {
    @Test
    void idsSurviveRenamesAndRecreatedTablesGetNewOnes() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        TableName a = new TableName("s", "a");
        TableName b = new TableName("s", "b");
        long id = ids.idOf(a);
        assertThat(ids.idOf(new TableName("S", "A"))).isEqualTo(id);
        ids.renamed(a, b);
        assertThat(ids.idOf(b)).isEqualTo(id);
        ids.dropped(b);
        assertThat(ids.created(b)).isNotEqualTo(id);
        ids.schemaDropped("s");
        assertThat(ids.idOf(b)).isGreaterThan(id + 1);
    }

    @Test
    void aSnapshotSavedWithAPositionResumesTheSameIds() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        TableName a = new TableName("s", "a");
        TableName b = new TableName("s", "b");
        long idA = ids.idOf(a);
        TableIds saved = ids.snapshot();
        assertThat(ids.snapshot()).as("unchanged ids give the same snapshot").isSameAs(saved);
        ids.renamed(a, b);
        long later = ids.created(new TableName("s", "c"));

        InMemoryTableIdAllocator resumed = InMemoryTableIdAllocator.from(saved);
        assertThat(resumed.idOf(a)).isEqualTo(idA);
        resumed.renamed(a, b);
        assertThat(resumed.idOf(b)).isEqualTo(idA);
        assertThat(resumed.created(new TableName("s", "c"))).as("replaying the same DDL gives the same ids")
                .isEqualTo(later);
        assertThat(resumed.snapshot()).isEqualTo(ids.snapshot());
    }

    @Test
    void aReplayedRenameKeepsTheIdTheNewNameAlreadyHas() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        long id = ids.idOf(new TableName("s", "b"));
        ids.renamed(new TableName("s", "a"), new TableName("s", "b"));
        assertThat(ids.idOf(new TableName("s", "b"))).isEqualTo(id);
    }
}
