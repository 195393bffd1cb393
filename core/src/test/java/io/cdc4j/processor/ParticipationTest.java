package io.cdc4j.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdc4j.meta.ChangefeedStatus;
import io.cdc4j.meta.TableShare;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipationTest {
    private final ChangefeedStatus shared = ChangefeedStatus.initial(1_000).placed("lead",
            Map.of("a", new TableShare(1, List.of(3L, 4L)), "b", new TableShare(2, List.of(5L))),
            List.of("a", "b", "lead"));

    @Test
    void theLeadReplicatesEveryTableNotSharedOutAndMeetsEveryShareHolderAtDdls() {
        Participation lead = ProcessorManager.participation(shared, "lead");
        assertThat(lead.scope().leads()).isTrue();
        assertThat(lead.scope().slot()).isZero();
        assertThat(lead.scope().contains(1)).as("a table created later is the lead's").isTrue();
        assertThat(lead.scope().contains(3)).isFalse();
        assertThat(lead.scope().contains(5)).isFalse();
        assertThat(lead.followers()).containsExactlyInAnyOrder("a", "b");
        assertThat(lead.shared()).isTrue();
    }

    @Test
    void aShareHolderReplicatesItsTablesOnlyUnderItsOwnSlotAndWaitsForTheLead() {
        Participation share = ProcessorManager.participation(shared, "b");
        assertThat(share.scope().leads()).isFalse();
        assertThat(share.scope().slot()).isEqualTo(2);
        assertThat(share.scope().contains(5)).isTrue();
        assertThat(share.scope().contains(1)).isFalse();
        assertThat(share.lead()).isEqualTo("lead");
        assertThat(share.followers()).isEmpty();
        assertThat(share.shared()).isTrue();
    }

    @Test
    void aChangefeedRunWholeMeetsNobody() {
        Participation whole = ProcessorManager.participation(ChangefeedStatus.initial(1_000).placedOn("lead"), "lead");
        assertThat(whole.scope().isAll()).isTrue();
        assertThat(whole.shared()).isFalse();
        assertThat(Participation.whole("x").shared()).isFalse();
    }

    @Test
    void aScopeRefusesALeadOffSlotZeroAndAShareOnIt() {
        assertThatThrownBy(() -> new TableScope(1, false, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableScope.only(0, Set.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
