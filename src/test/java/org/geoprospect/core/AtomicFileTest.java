package org.geoprospect.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader sees the old file or the new one, never half of one, and no temporary file outlives a write. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void theContentIsWrittenBesideTheTargetUnderAHiddenNameAndMovedIntoPlace() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        List<Path> temps = new ArrayList<>();
        AtomicFile.write(target, temp -> {
            temps.add(temp);
            assertEquals("old", Files.readString(target), "the old file stays until the new one is complete");
            Files.writeString(temp, "new");
        });

        assertEquals("new", Files.readString(target));
        assertEquals(dir, temps.get(0).getParent());
        assertTrue(temps.get(0).getFileName().toString().matches("\\.out\\.txt\\." + ProcessHandle.current().pid()
                + "-[-0-9a-f]+\\.tmp"), "named after the target and the writing process: " + temps);
        assertEquals(List.of(target), list());
    }

    @Test
    void theTemporaryFileCanEndInAnExtension() throws IOException {
        List<Path> temps = new ArrayList<>();
        AtomicFile.write(dir.resolve("out.gpkg"), ".gpkg", temp -> {
            temps.add(temp);
            Files.writeString(temp, "new");
        });

        assertTrue(temps.get(0).getFileName().toString().matches("\\.out\\.gpkg\\.\\d+-[-0-9a-f]+\\.tmp\\.gpkg"),
                temps.toString());
        assertEquals(List.of(dir.resolve("out.gpkg")), list());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.gpkg");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(target, ".gpkg", temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        }));

        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aTemporaryFileLeftByAKilledProcessIsDeletedByTheNextWriteOfItsTarget() throws IOException {
        long gone = Integer.MAX_VALUE; // beyond any system's process ids: a process that no longer runs
        Path left = Files.writeString(dir.resolve(".out.tif." + gone + "-" + UUID.randomUUID() + ".tmp"), "half");
        Path leftGpkg = Files.writeString(dir.resolve(".out.tif." + gone + "-" + UUID.randomUUID() + ".tmp.gpkg"), "");
        Path inProgress = Files.writeString(dir.resolve(".out.tif." + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID() + ".tmp"), "another write of this process");
        Path otherTarget = Files.writeString(dir.resolve(".other.tif." + gone + "-" + UUID.randomUUID() + ".tmp"), "");
        AtomicFile.write(dir.resolve("out.tif"), temp -> Files.writeString(temp, "new"));

        assertFalse(Files.exists(left));
        assertFalse(Files.exists(leftGpkg));
        assertTrue(Files.exists(inProgress), "a running process's write is left alone");
        assertTrue(Files.exists(otherTarget), "another target's is for its own next write");
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }
}
