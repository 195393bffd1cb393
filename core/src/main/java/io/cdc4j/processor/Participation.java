package io.cdc4j.processor;

import java.util.Objects;
import java.util.Set;

/**
 * What one processor's part in its changefeed's placement is: the tables it replicates, and the captures it
 * meets at every DDL barrier (the lead waits for those holding shares; they wait for the lead).
 *
 * @param scope     the tables this processor replicates
 * @param lead      the capture that leads the changefeed and applies its DDLs
 * @param followers the captures holding a share of its tables
 */
record Participation(TableScope scope, String lead, Set<String> followers) {
    Participation {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(lead, "lead");
        followers = Set.copyOf(followers);
    }

    /** A changefeed run whole on {@code capture}: no barrier with anyone. */
    static Participation whole(String capture) {
        return new Participation(TableScope.ALL, capture, Set.of());
    }

    /** Whether DDLs are barriers shared with other captures. */
    boolean shared() {
        return !followers.isEmpty() || !scope.leads();
    }
}
