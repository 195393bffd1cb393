package io.cdc4j.owner;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdc4j.meta.TableShare;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TableBalancerTest {
    private static final List<Long> SIX = List.of(1L, 2L, 3L, 4L, 5L, 6L);

    @Test
    void sixTablesOverThreeCapturesGiveTwoToEach() {
        Map<String, TableShare> shares = TableBalancer.balance(SIX, "lead", Map.of(), List.of("b", "c"));
        assertThat(shares).containsOnlyKeys("b", "c");
        assertThat(shares.get("b").tableIds()).hasSize(2);
        assertThat(shares.get("c").tableIds()).hasSize(2);
        assertThat(shares.get("b").slot()).isNotEqualTo(shares.get("c").slot());
        TreeSet<Long> shared = new TreeSet<>(shares.get("b").tableIds());
        shared.addAll(shares.get("c").tableIds());
        assertThat(shared).as("no table is given twice").hasSize(4);
    }

    @Test
    void aBalancedPlacementIsLeftAsItIs() {
        Map<String, TableShare> first = TableBalancer.balance(SIX, "lead", Map.of(), List.of("b", "c"));
        assertThat(TableBalancer.balance(SIX, "lead", first, List.of("b", "c"))).isEqualTo(first);
    }

    @Test
    void aCaptureThatJoinsTakesTablesFromTheFullestAndTheRestStay() {
        List<Long> nine = LongStream.rangeClosed(1, 9).boxed().toList();
        Map<String, TableShare> before = TableBalancer.balance(nine, "lead", Map.of(), List.of("b"));
        Map<String, TableShare> after = TableBalancer.balance(nine, "lead", before, List.of("b", "c"));
        assertThat(after.get("c").tableIds()).hasSize(3);
        assertThat(after.get("b").tableIds()).hasSize(3);
        assertThat(before.get("b").tableIds()).containsAll(after.get("b").tableIds());
        assertThat(after.get("b").slot()).as("b keeps its slot").isEqualTo(before.get("b").slot());
    }

    @Test
    void theTablesOfACaptureThatLeftAreSpreadOverTheOthers() {
        Map<String, TableShare> before = TableBalancer.balance(SIX, "lead", Map.of(), List.of("b", "c"));
        Map<String, TableShare> after = TableBalancer.balance(SIX, "lead", before, List.of("c"));
        assertThat(after).containsOnlyKeys("c");
        assertThat(after.get("c").tableIds()).hasSize(3);
        assertThat(after.get("c").tableIds()).containsAll(before.get("c").tableIds());
    }

    @Test
    void withoutOtherCapturesTheLeadKeepsEverything() {
        assertThat(TableBalancer.balance(SIX, "lead", Map.of(), List.of())).isEmpty();
        assertThat(TableBalancer.balance(List.of(1L), "lead", Map.of(), List.of("b", "c")))
                .as("one table stays with the lead").isEmpty();
    }

    @Test
    void aMovedTableLeavesItsShareAndAnEmptiedShareGoes() {
        Map<String, TableShare> shares = new HashMap<>();
        shares.put("b", new TableShare(1, List.of(3L)));
        shares.put("c", new TableShare(2, List.of(5L, 6L)));
        Map<String, TableShare> moved = TableBalancer.move(3, "c", "lead", shares);
        assertThat(moved).containsOnlyKeys("c");
        assertThat(moved.get("c")).isEqualTo(new TableShare(2, List.of(3L, 5L, 6L)));
        Map<String, TableShare> back = TableBalancer.move(5, "lead", "lead", moved);
        assertThat(back.get("c").tableIds()).containsExactly(3L, 6L);
        Map<String, TableShare> fresh = TableBalancer.move(1, "d", "lead", back);
        assertThat(fresh.get("d")).as("a new holder takes the lowest free slot")
                .isEqualTo(new TableShare(1, List.of(1L)));
    }
}
