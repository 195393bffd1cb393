package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

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
}
