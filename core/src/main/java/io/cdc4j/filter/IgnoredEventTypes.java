package io.cdc4j.filter;

import io.cdc4j.error.CdcException;
import io.cdc4j.error.ErrorCode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An event filter rule's {@code ignore_event} list, validated against TiCDC's names. */
public final class IgnoredEventTypes {

    private final Set<EventType> types;

    private IgnoredEventTypes(EnumSet<EventType> types) {
        this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /**
     * Parses the list; every value must be one of TiCDC's exact lower-case type names.
     *
     * @throws CdcException INVALID_IGNORE_EVENT_TYPE naming the first unknown value
     */
    public static IgnoredEventTypes parse(List<String> names) {
        Objects.requireNonNull(names, "names");
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        for (String name : names) {
            Objects.requireNonNull(name, "ignore event type");
            types.add(EventType.fromName(name).orElseThrow(() -> new CdcException(
                    ErrorCode.INVALID_IGNORE_EVENT_TYPE, "invalid ignore event type: '" + name + "'")));
        }
        return new IgnoredEventTypes(types);
    }

    /** Whether an event of the given type is ignored, directly or through an umbrella type. */
    public boolean ignores(EventType actual) {
        Objects.requireNonNull(actual, "actual");
        for (EventType type : types) {
            if (type.covers(actual)) {
                return true;
            }
        }
        return false;
    }

    /** The types as listed (duplicates and alias spellings collapsed). */
    public Set<EventType> types() {
        return types;
    }
}
