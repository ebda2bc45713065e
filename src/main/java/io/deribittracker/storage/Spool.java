package io.deribittracker.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The spool directory seen from outside the routes that fill and drain it: how many samples wait in it, whether
 * there is room for one more, and which slots are still waiting (so back-fill does not fetch what is already here).
 * Entries are the visible files of {@link SpoolEntry}; files being written are hidden ({@code .writing-…}) and the
 * {@code error} folder is not an entry.
 */
@Component
public class Spool {

    private final Path directory;
    private final int maxEntries;

    // the directory is created by the routes when they start, not here: with the default ./data/spool it lies in the
    // embedded PostgreSQL's data directory, which must not exist yet when a fresh install runs initdb
    public Spool(@Value("${tracker.spool.directory}") Path directory, @Value("${tracker.spool.max-entries}") int maxEntries) {
        // but a path that cannot become one stops the start: every collected sample would fail on its way to disk
        if (Files.exists(directory) && !(Files.isDirectory(directory) && Files.isWritable(directory))) {
            throw new IllegalStateException("The spool directory (TRACKER_SPOOL_DIRECTORY) " + directory.toAbsolutePath()
                    + " is not a writable directory");
        }
        this.directory = directory;
        this.maxEntries = maxEntries;
    }

    /** Samples waiting to be written to the database. */
    public long depth() {
        try (Stream<Path> entries = entries()) {
            return entries.count();
        }
    }

    /** False once {@code tracker.spool.max-entries} samples are waiting: the next one is refused, loudly. */
    public boolean hasRoom() {
        return depth() < maxEntries;
    }

    /** Slots of {@code ticker} that are in the spool, not yet in the database. */
    public Set<Instant> waitingSlots(String ticker) {
        String suffix = "-" + ticker + ".json";
        try (Stream<Path> entries = entries()) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .filter(slot -> slot.chars().allMatch(Character::isDigit))
                    .map(slot -> Instant.ofEpochMilli(Long.parseLong(slot)))
                    .collect(Collectors.toSet());
        }
    }

    private Stream<Path> entries() {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try {
            return Files.list(directory)
                    .filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spool directory " + directory.toAbsolutePath(), e);
        }
    }
}
