package io.cdc4j.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The stored states of a changefeed (changefeed-model.md section 2) and the admin job type each implies. */
public enum ChangefeedState {
    NORMAL("normal", 0),
    PENDING("pending", 1),
    WARNING("warning", 0),
    STOPPED("stopped", 1),
    FAILED("failed", 1),
    FINISHED("finished", 4),
    REMOVED("removed", 3);

    private final String text;
    private final int adminJobType;

    ChangefeedState(String text, int adminJobType) {
        this.text = text;
        this.adminJobType = adminJobType;
    }

    /** The lower-case name TiCDC stores and shows. */
    @JsonValue
    public String text() {
        return text;
    }

    /** TiCDC's {@code admin_job_type}: 0 none, 1 stop, 3 remove, 4 finish. */
    public int adminJobType() {
        return adminJobType;
    }

    /** Whether a processor should be running the changefeed. */
    public boolean isRunning() {
        return this == NORMAL || this == WARNING;
    }

    /** The state with this stored name. */
    public static Optional<ChangefeedState> fromText(String text) {
        for (ChangefeedState state : values()) {
            if (state.text.equals(text)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static ChangefeedState parse(String text) {
        return fromText(text).orElseThrow(() -> new IllegalArgumentException("unknown changefeed state: " + text));
    }
}
