package org.geoprospect.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GDAL's command-line tools as the independent reference for GeoTIFF tests. */
final class Gdal {
    private Gdal() {
    }

    /** Skips the calling test when GDAL's tools are not on the PATH. */
    static void assumeInstalled() {
        boolean installed;
        try {
            Process p = new ProcessBuilder("gdalinfo", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed = false;
        }
        Assumptions.assumeTrue(installed, "GDAL command-line tools are not on the PATH");
    }

    /** Runs a GDAL tool and returns its standard output; fails the test when it exits with an error. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile(workDir, "gdal", ".err");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        String errors = read(stderr);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed: " + errors);
        return out;
    }

    static JsonNode info(Path file) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(run(file.getParent(), "gdalinfo", "-json", file.toString()));
    }

    /** Each band's values as GDAL reads them, converted to float32 by GDAL (nodata cells keep the nodata value). */
    static List<float[]> values(Path file) throws IOException, InterruptedException {
        Path raw = file.resolveSibling(file.getFileName() + ".bsq");
        run(file.getParent(), "gdal_translate", "-q", "-of", "ENVI", "-ot", "Float32", "-co", "INTERLEAVE=BSQ",
                file.toString(), raw.toString());
        String header = read(file.resolveSibling(file.getFileName() + ".hdr"));
        assertTrue(header.contains("byte order = 0"), "GDAL wrote big-endian ENVI: " + header);
        JsonNode size = info(file).get("size");
        int cells = size.get(0).asInt() * size.get(1).asInt();
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> bands = new ArrayList<>();
        while (bytes.hasRemaining()) {
            float[] band = new float[cells];
            bytes.asFloatBuffer().get(band);
            bytes.position(bytes.position() + cells * Float.BYTES);
            bands.add(band);
        }
        return bands;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
