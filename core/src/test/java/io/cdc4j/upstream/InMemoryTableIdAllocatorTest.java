package io.cdc4j.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.model.TableIds;
import io.cdc4j.model.TableName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryTableIdAllocatorTest {
    @Test
    void idsSurviveRenamesAndRecreatedTablesGetNewOnes() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        TableName a = new TableName("s", "a");
        TableName b = new TableName("s", "b");
        long id = ids.idOf(a);
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
    void aCreateOfATableListedAheadOfItKeepsItsIdWhileOneCreatedAfterADropGetsANewOne() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        TableName t = new TableName("s", "t");
        long listed = ids.idOf(t);
        assertThat(ids.created(t)).as("listed from the catalog at start, its CREATE replayed").isEqualTo(listed);
        ids.dropped(t);
        assertThat(ids.created(t)).as("dropped and created again").isGreaterThan(listed);
    }

    @Test
    void aReplayedRenameKeepsTheIdTheNewNameAlreadyHas() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        long id = ids.idOf(new TableName("s", "b"));
        ids.renamed(new TableName("s", "a"), new TableName("s", "b"));
        assertThat(ids.idOf(new TableName("s", "b"))).isEqualTo(id);
    }

    @Test
    void namesDifferingOnlyInCaseAreDifferentTablesUnlessTheUpstreamFoldsThem() {
        InMemoryTableIdAllocator exact = new InMemoryTableIdAllocator(1);
        TableName upper = new TableName("d", "Foo");
        TableName lower = new TableName("d", "foo");
        long upperId = exact.idOf(upper);
        long lowerId = exact.idOf(lower);
        assertThat(lowerId).isNotEqualTo(upperId);
        assertThat(exact.idOf(new TableName("D", "Foo"))).as("schemas too").isNotIn(upperId, lowerId);
        exact.renamed(upper, new TableName("d", "Bar"));
        exact.dropped(new TableName("d", "FOO"));
        assertThat(exact.idOf(new TableName("d", "Bar"))).isEqualTo(upperId);
        assertThat(exact.idOf(lower)).isEqualTo(lowerId);
        exact.schemaDropped("D");
        assertThat(exact.idOf(lower)).isEqualTo(lowerId);

        InMemoryTableIdAllocator folded = InMemoryTableIdAllocator.from(TableIds.EMPTY, TableNameCase.FOLDED);
        long id = folded.idOf(upper);
        assertThat(folded.idOf(new TableName("D", "FOO"))).isEqualTo(id);
        folded.renamed(new TableName("d", "FOO"), new TableName("d", "bar"));
        assertThat(folded.idOf(new TableName("d", "Bar"))).isEqualTo(id);
        folded.schemaDropped("D");
        assertThat(folded.idOf(new TableName("d", "bar"))).isNotEqualTo(id);
    }

    @Test
    void lowerCaseTableNamesZeroComparesExactlyAndOneOrTwoFold() {
        assertThat(TableNameCase.of("0")).isEqualTo(TableNameCase.EXACT);
        assertThat(TableNameCase.of("1")).isEqualTo(TableNameCase.FOLDED);
        assertThat(TableNameCase.of("2")).isEqualTo(TableNameCase.FOLDED);
    }

    @Test
    void snapshotKeysAreUnambiguousForNamesWithDotsAndQuotes() {
        InMemoryTableIdAllocator ids = new InMemoryTableIdAllocator(1);
        TableName dotInSchema = new TableName("a.b", "c");
        TableName dotInTable = new TableName("a", "b.c");
        TableName quotes = new TableName("x`", "`y``");
        long first = ids.idOf(dotInSchema);
        long second = ids.idOf(dotInTable);
        long third = ids.idOf(quotes);
        assertThat(second).isNotEqualTo(first);
        InMemoryTableIdAllocator resumed = InMemoryTableIdAllocator.from(ids.snapshot());
        assertThat(resumed.idOf(dotInSchema)).isEqualTo(first);
        assertThat(resumed.idOf(dotInTable)).isEqualTo(second);
        assertThat(resumed.idOf(quotes)).isEqualTo(third);
        assertThat(resumed.snapshot()).isEqualTo(ids.snapshot());
    }

    @Test
    void idsSavedUnderOldLowerCaseKeysAreTakenByTheFirstTableTheyCanStandFor() {
        TableIds old = new TableIds(Map.of("d.foo", 3L, "d.gone", 4L, "e.t", 5L), 6);
        InMemoryTableIdAllocator ids = InMemoryTableIdAllocator.from(old);
        assertThat(ids.idOf(new TableName("d", "Foo"))).isEqualTo(3);
        assertThat(ids.idOf(new TableName("d", "foo"))).as("the old key named one table").isEqualTo(6);
        assertThat(ids.snapshot().ids()).containsEntry("`d`.`Foo`", 3L).containsEntry("`d`.`foo`", 6L)
                .doesNotContainKey("d.foo").containsEntry("d.gone", 4L);
        ids.renamed(new TableName("e", "T"), new TableName("e", "u"));
        assertThat(ids.idOf(new TableName("e", "u"))).isEqualTo(5);
        ids.dropped(new TableName("d", "gone"));
        assertThat(ids.snapshot().ids()).doesNotContainKeys("d.gone", "e.t");

        InMemoryTableIdAllocator folded = InMemoryTableIdAllocator.from(old, TableNameCase.FOLDED);
        assertThat(folded.idOf(new TableName("D", "FOO"))).isEqualTo(3);
        assertThat(folded.idOf(new TableName("d", "foo"))).isEqualTo(3);
        folded.schemaDropped("E");
        assertThat(folded.snapshot().ids()).containsOnlyKeys("`d`.`foo`", "d.gone");
    }
}
