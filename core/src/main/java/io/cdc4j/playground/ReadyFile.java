package io.cdc4j.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code --ready-file}: it appears, whole, once every part of the playground accepts connections, so that
 * a script can wait for the file instead of polling ports.
 */
public record ReadyFile(Path path) {
    public ReadyFile {
        path = path.toAbsolutePath().normalize();
    }

    /** Removes a file left by an earlier run, so that its presence always means "this run is ready". */
    public void clear() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old ready file " + path, e);
        }
    }

    /** Writes the endpoints to a temporary file beside the target, then renames it over the target. */
    public void write(PlaygroundEndpoints endpoints) {
        try {
            Path parent = path.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "." + path.getFileName(), ".tmp");
            Files.writeString(temp, endpoints.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ready file " + path, e);
        }
    }
}
