package io.cdc4j.bench.targets;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Turns a decoded TIMESTAMP(6) cell, in whichever form a reader hands it over, into epoch microseconds. */
final class RowTimes {
    private RowTimes() {
    }

    static long micros(Object cell) {
        return switch (cell) {
            case Long micros -> micros;
            case Instant instant -> instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
            case LocalDateTime local -> micros(local.toInstant(ZoneOffset.UTC));
            case null -> throw new IllegalArgumentException("no timestamp in the row");
            default -> throw new IllegalArgumentException("not a timestamp: " + cell.getClass().getName());
        };
    }
}
