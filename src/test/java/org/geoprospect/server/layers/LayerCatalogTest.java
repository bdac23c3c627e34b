package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerCatalogTest {
    @TempDir
    Path dir;

    @Test
    void publishesACheckedCopyUnderAUniqueSafeName() throws Exception {
        try (LayerCatalog catalog = new LayerCatalog(dir.resolve("layers"), dir.resolve("c.db"), Clock.systemUTC())) {
            Layer deposits = catalog.publish(Path.of("test-data/deposits.csv"), "deposits", "Known deposits",
                    "upload", "EPSG:32650", false);
            assertEquals(LayerKind.VECTOR, deposits.kind());
            assertEquals(30, deposits.count());
            assertEquals("EPSG:32650", deposits.crs());
            assertTrue(deposits.bbox()[0] >= 400_000 && deposits.bbox()[2] <= 430_000);
            assertTrue(Files.isRegularFile(catalog.file(deposits)));
            assertEquals(Files.readString(Path.of("test-data/deposits.csv")), Files.readString(catalog.file(deposits)));

            Layer again = catalog.publish(Path.of("test-data/deposits.csv"), "deposits", "t", "job x", "EPSG:32650",
                    true);
            assertEquals("deposits-2", again.name());
            InvalidInputException taken = assertThrows(InvalidInputException.class, () -> catalog.publish(
                    Path.of("test-data/deposits.csv"), "deposits", "t", "upload", "EPSG:32650", false));
            assertTrue(taken.getMessage().contains("exists"), taken.getMessage());
            assertEquals(List.of("deposits", "deposits-2"), catalog.list().stream().map(Layer::name).toList());
            assertArrayEquals(deposits.bbox(), catalog.get("deposits").orElseThrow().bbox());

            assertTrue(catalog.delete("deposits-2"));
            assertFalse(Files.exists(dir.resolve("layers/deposits-2")));
            assertTrue(catalog.get("deposits-2").isEmpty());
        }
    }

    @Test
    void refusesUnsafeNamesAndFilesThatAreNoLayerLeavingNothingBehind() throws Exception {
        try (LayerCatalog catalog = new LayerCatalog(dir.resolve("layers"), dir.resolve("c.db"), Clock.systemUTC())) {
            for (String bad : List.of("../etc", "a/b", "", ".hidden", "x".repeat(101))) {
                assertThrows(InvalidInputException.class, () -> catalog.publish(Path.of("test-data/deposits.csv"),
                        bad, "t", "upload", "EPSG:32650", false), bad);
            }
            Path notALayer = Files.writeString(dir.resolve("notes.csv"), "just,some\ntext,here\n");
            assertThrows(InvalidInputException.class, () -> catalog.publish(notALayer, "notes", "t", "upload", null,
                    false));
            try (var files = Files.list(dir.resolve("layers"))) {
                assertEquals(0, files.count());
            }
            assertTrue(catalog.list().isEmpty());
        }
    }
}
