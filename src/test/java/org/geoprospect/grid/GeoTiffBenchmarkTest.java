package org.geoprospect.grid;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Write and read time of a 3072 × 3072 × 16 float32 raster (600 MB), printed, not asserted. Excluded from the
 * default build; run with {@code mvn test -Dtest=GeoTiffBenchmarkTest -Dexcluded.tags=none}.
 */
@Tag("benchmark")
class GeoTiffBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void writeAndRead600MegabyteRaster() {
        Raster raster = SampleRasters.of(3067, 0, 7e6, 100, 100, 3072, 3072, 16);
        for (boolean deflate : new boolean[] {false, true}) {
            Path file = dir.resolve("big.tif");
            long t0 = System.nanoTime();
            new GeoTiffWriter().optDeflate(deflate).write(raster, file);
            long t1 = System.nanoTime();
            Raster back = new GeoTiffReader().read(file);
            long t2 = System.nanoTime();
            assertEquals(raster.bands().size(), back.bands().size());
            System.out.printf("GeoTIFF 3072×3072×16 %s: %.0f MB, write %.2f s, read %.2f s%n",
                    deflate ? "DEFLATE" : "uncompressed", size(file) / 1e6, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
