package org.geoprospect.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(temps.get(0).getFileName().toString().matches("\\.out\\.txt\\.[-0-9a-f]+\\.tmp"), temps.toString());
        assertEquals(List.of(target), list());
    }

    @Test
    void theTemporaryFileCanEndInAnExtension() throws IOException {
        List<Path> temps = new ArrayList<>();
        AtomicFile.write(dir.resolve("out.gpkg"), ".gpkg", temp -> {
            temps.add(temp);
            Files.writeString(temp, "new");
        });

        assertTrue(temps.get(0).getFileName().toString().matches("\\.out\\.gpkg\\.[-0-9a-f]+\\.tmp\\.gpkg"),
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

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }
}
