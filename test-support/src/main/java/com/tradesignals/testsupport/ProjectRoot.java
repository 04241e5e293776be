package com.tradesignals.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, found from the working directory of a test (a module directory). */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path path() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isDirectory(directory.resolve("dev/keys")) && Files.isRegularFile(directory.resolve("mvnw"))) {
                return directory;
            }
        }
        throw new IllegalStateException("project root (with dev/keys and mvnw) not found above " + Path.of("").toAbsolutePath());
    }

    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
