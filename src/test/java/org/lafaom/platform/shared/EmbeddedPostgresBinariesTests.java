package org.lafaom.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresBinariesTests {

    @TempDir
    Path workingDir;

    @Test
    void whenAnUnpackingWasInterruptedThenItsFilesAreRemovedSoTheNextStartUnpacksAgain() throws IOException {
        Path interrupted = Files.createDirectories(workingDir.resolve("PG-interrupted/lib"));
        Files.writeString(interrupted.resolve("libicui18n.so.60"), "half a library");

        EmbeddedPostgresBinaries.discardInterruptedUnpacking(workingDir);

        assertThat(workingDir.resolve("PG-interrupted")).isDirectory();
        assertThat(workingDir.resolve("PG-interrupted/lib")).doesNotExist();
    }

    @Test
    void whenAnUnpackingIsCompleteThenItIsKept() throws IOException {
        Path complete = Files.createDirectories(workingDir.resolve("PG-complete/bin"));
        Files.writeString(complete.resolve("postgres"), "binary");
        Files.createFile(workingDir.resolve("PG-complete/.exists"));

        EmbeddedPostgresBinaries.discardInterruptedUnpacking(workingDir);

        assertThat(complete.resolve("postgres")).hasContent("binary");
    }

    @Test
    void whenAnotherStartIsUnpackingThenItsFilesAreLeftAlone() throws IOException {
        Path busy = Files.createDirectories(workingDir.resolve("PG-busy/lib"));
        Files.writeString(busy.resolve("libpq.so.5"), "being written");
        try (FileChannel channel = FileChannel.open(workingDir.resolve("PG-busy/epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            EmbeddedPostgresBinaries.discardInterruptedUnpacking(workingDir);
        }

        assertThat(busy.resolve("libpq.so.5")).hasContent("being written");
    }

    @Test
    void whenNothingWasEverUnpackedThenThereIsNothingToDo() {
        EmbeddedPostgresBinaries.discardInterruptedUnpacking(workingDir.resolve("absent"));

        assertThat(workingDir.resolve("absent")).doesNotExist();
    }
}
