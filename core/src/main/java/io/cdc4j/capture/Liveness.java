package io.cdc4j.capture;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a capture takes work (TiCDC's liveness: 0 alive, 1 stopping); stopping is one-way. */
public enum Liveness {
    ALIVE(0),
    STOPPING(1);

    private final int code;

    Liveness(int code) {
        this.code = code;
    }

    /** The number the API reports. */
    @JsonValue
    public int code() {
        return code;
    }
}
