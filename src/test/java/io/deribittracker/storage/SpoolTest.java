package io.deribittracker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool path that cannot hold samples stops the start-up instead of failing every sample later. */
class SpoolTest {

    @TempDir
    Path folder;

    @Test
    void aFileWhereTheSpoolDirectoryShouldBeIsRefusedByName() throws Exception {
        Path file = Files.writeString(folder.resolve("spool"), "not a directory");

        assertThatThrownBy(() -> new Spool(file, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("TRACKER_SPOOL_DIRECTORY");
    }

    @Test
    void aDirectoryThatDoesNotExistYetIsFineTheRoutesCreateIt() {
        Spool spool = new Spool(folder.resolve("later"), 10);

        assertThat(spool.depth()).isZero();
        assertThat(spool.hasRoom()).isTrue();
    }
}
