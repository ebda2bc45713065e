package io.deribittracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh temporary directories (spools, data folders) for services under test. */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory("tracker-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
