package org.lafaom.platform.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's binaries are unpacked once into a shared folder ({@code PG-<digest>}),
 * marked complete by a {@code .exists} file. A first start stopped while unpacking (Ctrl-C, out of
 * memory) leaves a folder without that mark, and every later start then fails on the files already
 * there. Such a folder is emptied before starting, unless another process holds its unpack lock.
 */
final class EmbeddedPostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresBinaries.class);
    // Names used by io.zonky.test.db.postgres.embedded.EmbeddedPostgres.
    private static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    private static final String COMPLETE_MARK = ".exists";
    private static final String LOCK_FILE = "epg-lock";

    private EmbeddedPostgresBinaries() {}

    /** Where the binaries are unpacked; zonky is told this folder, its default one kept. */
    static Path workingDirectory() {
        String configured = System.getProperty(WORKING_DIR_PROPERTY);
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    /** Empties every unpacking that did not finish and that no process is still doing. */
    static void discardInterruptedUnpacking(Path workingDir) {
        if (!Files.isDirectory(workingDir)) {
            return;
        }
        try (Stream<Path> folders = Files.list(workingDir)) {
            folders.filter(f -> f.getFileName().toString().startsWith("PG-") && Files.isDirectory(f))
                    .filter(f -> !Files.exists(f.resolve(COMPLETE_MARK)))
                    .forEach(EmbeddedPostgresBinaries::emptyIfUnlocked);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + workingDir, e);
        }
    }

    private static void emptyIfUnlocked(Path folder) {
        try (FileChannel lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(lockChannel)) {
            if (lock == null) {
                return;
            }
            log.warn("Removing the embedded PostgreSQL binaries in {}: their unpacking was interrupted; they are unpacked again", folder);
            try (Stream<Path> entries = Files.walk(folder)) {
                entries.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(folder) && !p.getFileName().toString().equals(LOCK_FILE))
                        .forEach(EmbeddedPostgresBinaries::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + folder, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
