package io.cdc4j.config;

/** The {@code integrity} section: row checksum checking and what to do on corruption. */
public record IntegrityConfig(String integrityCheckLevel, String corruptionHandleLevel) {
    public IntegrityConfig {
        integrityCheckLevel = Values.text(integrityCheckLevel);
        corruptionHandleLevel = Values.text(corruptionHandleLevel);
    }

    /** TiCDC's default: no check, warn on corruption. */
    public static IntegrityConfig defaults() {
        return new IntegrityConfig("none", "warn");
    }
}
