package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapefiles written by GDAL's ogr2ogr (the reference writer) from small CSVs, read back by ours. */
class ShapefilePointReaderTest {
    private static final String POINTS = "id,name,Cu,sampled,ex,ny\n"
            + "1,Vähäjoki,12.5,2020-01-20,422241.5,7333402.25\n"
            + "2,Äkäs,,2021-07-01,494220,7564110\n"
            + "3,Rautuvaara,0.001,,350043,7581183\n";

    @TempDir
    Path dir;

    /** Writes {@code csv} and converts it with ogr2ogr into {@code name.shp}; returns the .shp. */
    private Path ogr2ogr(String name, String csv, String... options) throws IOException, InterruptedException {
        Tool.require("ogr2ogr");
        Path in = Files.writeString(dir.resolve(name + "_in.csv"), csv, StandardCharsets.UTF_8);
        Path shp = dir.resolve(name + ".shp");
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(),
                in.toString(), "-nln", name));
        command.addAll(List.of(options));
        Tool.run("", command.toArray(String[]::new));
        return shp;
    }

    private Path points(String name, String... extra) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-oo", "X_POSSIBLE_NAMES=ex", "-oo", "Y_POSSIBLE_NAMES=ny",
                "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:3067"));
        options.addAll(List.of(extra));
        return ogr2ogr(name, POINTS, options.toArray(String[]::new));
    }

    private static int shapeType(Path shp) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(shp)).order(ByteOrder.LITTLE_ENDIAN).getInt(32);
    }

    private static PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        return PointLayers.read(file, options, warnings);
    }

    private static void assertThePoints(PointTable t) {
        assertArrayEquals(new double[] {422241.5, 494220, 350043}, t.x());
        assertArrayEquals(new double[] {7333402.25, 7564110, 7581183}, t.y());
        assertEquals(3067, t.crs().epsgCode().orElseThrow());
        assertArrayEquals(new String[] {"Vähäjoki", "Äkäs", "Rautuvaara"}, t.values().get(t.columnIndex("name")));
        String[] cu = t.values().get(t.columnIndex("Cu"));
        assertEquals(12.5, Double.parseDouble(cu[0]));
        assertEquals("", cu[1]);
        assertEquals(0.001, Double.parseDouble(cu[2]));
        assertArrayEquals(new String[] {"2020-01-20", "2021-07-01", ""}, t.values().get(t.columnIndex("sampled")));
        assertEquals("record 3", t.where(2).substring(t.where(2).indexOf("record")));
    }

    @Test
    void pointsAttributesAndCrsRoundTripFromGdal() throws Exception {
        Path shp = points("pts", "-lco", "ENCODING=UTF-8");
        assertEquals(1, shapeType(shp));
        assertThePoints(read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
    }

    @Test
    void pointZIsReadAsItsXy() throws Exception {
        Path shp = ogr2ogr("ptz", POINTS.replace("ex,ny", "ex,ny,z").replace("25\n", "25,101\n")
                        .replace("7564110\n", "7564110,102\n").replace("7581183\n", "7581183,103\n"),
                "-oo", "X_POSSIBLE_NAMES=ex", "-oo", "Y_POSSIBLE_NAMES=ny", "-oo", "Z_POSSIBLE_NAMES=z",
                "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:3067", "-lco", "ENCODING=UTF-8");
        assertEquals(11, shapeType(shp));
        assertThePoints(read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
    }

    @Test
    void withoutCpgTheTableIsIso88591() throws Exception {
        Path shp = points("latin", "-lco", "ENCODING=ISO-8859-1");
        Files.deleteIfExists(dir.resolve("latin.cpg"));
        assertThePoints(read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
    }

    @Test
    void coordinatesFromNamedFieldsInsteadOfTheGeometry() throws Exception {
        Path shp = points("fields", "-lco", "ENCODING=UTF-8");
        PointTable t = read(shp, new PointLayerOptions(null, "ny", "Cu", null), new Warnings());
        assertArrayEquals(new double[] {7333402.25, 7581183}, t.x()); // record 2 has no Cu: skipped
        assertArrayEquals(new double[] {12.5, 0.001}, t.y());
        assertEquals(3067, t.crs().epsgCode().orElseThrow());
    }

    @Test
    void crsOptionOverridesThePrjWithAWarning() throws Exception {
        Path shp = points("override", "-lco", "ENCODING=UTF-8");
        Warnings warnings = new Warnings();
        PointTable t = read(shp, PointLayerOptions.DEFAULTS.withCrs("EPSG:32635"), warnings);
        assertEquals(32635, t.crs().epsgCode().orElseThrow());
        assertTrue(warnings.list().stream().anyMatch(w -> w.contains("'crs' EPSG:32635")), warnings.list().toString());
    }

    @Test
    void nullShapesAndDeletedRecordsAreSkippedWithWarnings() throws Exception {
        Path shp = ogr2ogr("gaps", "id,wkt\n1,POINT (10000 20000)\n2,\n3,POINT (30000 40000)\n4,POINT (50000 60000)\n",
                "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", "-nlt", "POINT",
                "-a_srs", "EPSG:3067");
        markDeleted(dir.resolve("gaps.dbf"), 3);
        Warnings warnings = new Warnings();
        PointTable t = read(shp, PointLayerOptions.DEFAULTS, warnings);
        assertArrayEquals(new double[] {10000, 50000}, t.x());
        assertArrayEquals(new String[] {"1", "4"}, t.values().get(t.columnIndex("id")));
        assertEquals("gaps.shp, record 4", t.where(1));
        assertTrue(warnings.list().contains("gaps.shp: 1 record(s) without a point were skipped"),
                warnings.list().toString());
        assertTrue(warnings.list().contains("gaps.shp: 1 record(s) marked deleted were skipped"),
                warnings.list().toString());
    }

    /** Sets the dBASE deletion flag of a record (1-based), as a dBASE application deleting it would. */
    private static void markDeleted(Path dbf, int record) throws IOException {
        byte[] bytes = Files.readAllBytes(dbf);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes[b.getShort(8) + (record - 1) * b.getShort(10)] = '*';
        Files.write(dbf, bytes);
    }

    @Test
    void polygonsAreRefused() throws Exception {
        Path shp = ogr2ogr("poly", "id,wkt\n1,\"POLYGON ((0 0,1 0,1 1,0 0))\"\n",
                "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-nlt", "POLYGON", "-a_srs", "EPSG:3067");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("poly.shp") && e.getMessage().contains("Polygon (5)"), e.getMessage());
    }

    @Test
    void singlePointMultipointsAreReadAndLargerOnesRefusedNamingTheRecord() throws Exception {
        Path shp = ogr2ogr("multi", "id,wkt\n1,MULTIPOINT ((1 2))\n2,\"MULTIPOINT ((3 4),(5 6))\"\n",
                "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", "-nlt", "MULTIPOINT",
                "-a_srs", "EPSG:3067");
        assertEquals(8, shapeType(shp));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("multi.shp, record 2") && e.getMessage().contains("2 points"),
                e.getMessage());
    }

    @Test
    void missingShxIsNamed() throws Exception {
        Path shp = points("noshx", "-lco", "ENCODING=UTF-8");
        Files.delete(dir.resolve("noshx.shx"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("noshx.shx is missing"), e.getMessage());
    }

    @Test
    void missingDbfIsNamed() throws Exception {
        Path shp = points("nodbf", "-lco", "ENCODING=UTF-8");
        Files.delete(dir.resolve("nodbf.dbf"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(shp, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("nodbf.dbf is missing"), e.getMessage());
    }

    @Test
    void zippedShapefileIsReadAndItsTemporaryCopyDeleted() throws Exception {
        points("zipped", "-lco", "ENCODING=UTF-8");
        Path zip = zip("one.zip", "zipped", "data/");
        List<Path> before = temporaryFolders();
        PointTable t = read(zip, PointLayerOptions.DEFAULTS, new Warnings());
        assertThePoints(t);
        assertEquals("one.zip (data/zipped.shp), record 1", t.where(0));
        assertEquals(before, temporaryFolders());
    }

    @Test
    void zipWithSeveralShapefilesNeedsTheLayer() throws Exception {
        points("first", "-lco", "ENCODING=UTF-8");
        points("second", "-lco", "ENCODING=UTF-8");
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String stem : List.of("first", "second")) {
                addParts(out, stem, "");
            }
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(zip, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("two.zip") && e.getMessage().contains("[first, second]"), e.getMessage());
        PointTable t = read(zip, new PointLayerOptions("second", null, null, null), new Warnings());
        assertTrue(t.source().contains("second.shp"), t.source());
        assertThePoints(t);
    }

    @Test
    void zipThatUnpacksFarBeyondItsSizeIsRefusedBeforeFillingTheDisk() throws Exception {
        // 64 MiB of zeros in a 64 kB zip: a thousand times its size
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bomb.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        List<Path> before = temporaryFolders();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(zip, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("bomb.zip unpacks to more than 16777216 bytes")
                && e.getMessage().contains("100 times its size"), e.getMessage());
        assertEquals(before, temporaryFolders(), "the partial copy is deleted");
    }

    private Path zip(String name, String stem, String folder) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            addParts(out, stem, folder);
            out.putNextEntry(new ZipEntry("__MACOSX/" + folder + "._" + stem + ".shp")); // must be ignored
            out.write(new byte[] {0, 5, 22, 7});
        }
        return zip;
    }

    private void addParts(ZipOutputStream out, String stem, String folder) throws IOException {
        for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            out.putNextEntry(new ZipEntry(folder + stem + "." + ext));
            Files.copy(dir.resolve(stem + "." + ext), (OutputStream) out);
        }
    }

    private static List<Path> temporaryFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("geoprospect-shp")).sorted().toList();
        }
    }
}
