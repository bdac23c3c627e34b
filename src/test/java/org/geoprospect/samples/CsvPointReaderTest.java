package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvPointReaderTest {
    private static final PointLayerOptions TM35 = PointLayerOptions.DEFAULTS.withCrs("EPSG:3067");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static PointTable read(Path file, PointLayerOptions options) {
        return PointLayers.read(file, options, new Warnings());
    }

    @Test
    void commaSemicolonAndTabGiveTheSameTable() throws IOException {
        for (String sep : List.of(",", ";", "\t")) {
            Path file = write("s.csv", String.join(sep, "id", "x", "y", "Cu") + "\n"
                    + String.join(sep, "a", "422241", "7333402.5", "12") + "\n"
                    + String.join(sep, "b", "494220", "7564110", "") + "\n");
            PointTable t = read(file, TM35);
            assertArrayEquals(new double[] {422241, 494220}, t.x(), sep);
            assertArrayEquals(new double[] {7333402.5, 7564110}, t.y(), sep);
            assertEquals(List.of("id", "Cu"), t.columns(), sep);
            assertArrayEquals(new String[] {"12", ""}, t.values().get(1), sep);
        }
    }

    @Test
    void byteOrderMarkAndQuotedFields() throws IOException {
        Path file = write("bom.csv", "\uFEFF\"Easting\",\"Northing\",\"Name\"\n"
                + "\"1000\",2000,\"Mäkärä, \"\"old\"\" pit\"\n");
        PointTable t = read(file, TM35);
        assertEquals(List.of("Name"), t.columns());
        assertEquals("Mäkärä, \"old\" pit", t.values().get(0)[0]);
        assertEquals(1000, t.x()[0]);
        assertEquals(2000, t.y()[0]);
    }

    @Test
    void latitudeLongitudeColumnsAreLonLatInEpsg4326WithAWarning() throws IOException {
        Path file = write("ll.csv", "SampNo,LATITUDE,LONGITUDE\nG1,-27.5,117.25\n");
        Warnings warnings = new Warnings();
        PointTable t = PointLayers.read(file, PointLayerOptions.DEFAULTS, warnings);
        assertEquals(4326, t.crs().epsgCode().orElseThrow());
        assertEquals(117.25, t.x()[0]);
        assertEquals(-27.5, t.y()[0]);
        assertTrue(warnings.list().stream().anyMatch(w -> w.contains("EPSG:4326")), warnings.list().toString());
    }

    @Test
    void userNamedCoordinateFieldsWin() throws IOException {
        Path file = write("f.csv", "x,y,E_alt,N_alt\n1,2,300,400\n");
        PointTable t = read(file, new PointLayerOptions(null, "e_alt", "N_ALT", "EPSG:3067"));
        assertEquals(300, t.x()[0]);
        assertEquals(400, t.y()[0]);
        assertEquals(List.of("x", "y"), t.columns());
    }

    @Test
    void recordsWithoutCoordinatesAreSkippedWithAWarningAndLinesCountBlankLines() throws IOException {
        Path file = write("gap.csv", "x,y,Cu\n1000,2000,3\n\n,5,6\n7000,8000,abc\n");
        Warnings warnings = new Warnings();
        PointTable t = PointLayers.read(file, TM35, warnings);
        assertEquals(2, t.size());
        assertEquals("gap.csv, line 5", t.where(1));
        assertTrue(warnings.list().get(0).contains("1 record(s) without coordinates"), warnings.list().toString());
    }

    @Test
    void nonNumericCoordinateNamesFileLineAndColumn() throws IOException {
        Path file = write("bad.csv", "x,y\n1,2\n3,north\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file, TM35));
        assertTrue(e.getMessage().contains("bad.csv, line 3, column y"), e.getMessage());
        assertTrue(e.getMessage().contains("'north'"), e.getMessage());
    }

    @Test
    void nanCoordinateIsRefused() throws IOException {
        Path file = write("nan.csv", "x,y\nNaN,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file, TM35));
        assertTrue(e.getMessage().contains("nan.csv, line 2, column x"), e.getMessage());
    }

    @Test
    void nonNumericElementValueNamesFileLineAndColumn() throws IOException {
        Path file = write("v.csv", "x,y,Cu_ppm\n1000,2000,5\n3000,4000,abc\n");
        PointTable t = read(file, TM35);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new SampleSetBuilder(ValuePolicy.DEFAULT).build(t, List.of("Cu"), new Warnings()));
        assertTrue(e.getMessage().contains("v.csv, line 3, column Cu_ppm"), e.getMessage());
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void missingCoordinateColumnsListTheColumns() throws IOException {
        Path file = write("nocoord.csv", "id,Cu\n1,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file, TM35));
        assertTrue(e.getMessage().contains("nocoord.csv") && e.getMessage().contains("[id, Cu]"), e.getMessage());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("empty.csv", "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(file, TM35));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void unknownCrsIsAnError() throws IOException {
        Path file = write("c.csv", "x,y\n1,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:999999")));
        assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
    }

    @Test
    void projectedMetresWithAGeographicCrsAreRefused() throws IOException {
        Path file = write("m.csv", "x,y\n25.1,67.2\n422241,7333402\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:4326")));
        assertTrue(e.getMessage().contains("m.csv, line 3") && e.getMessage().contains("'crs'"), e.getMessage());
    }

    @Test
    void degreesWithAProjectedCrsAreRefused() throws IOException {
        // Kolari in lon/lat declared as TM35FIN: read as metres, a survey 0.3 × 0.2 m wide
        Path file = write("d.csv", "x,y\n24.05,67.35\n24.31,67.52\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:3067")));
        assertEquals("crs", e.input());
        assertTrue(e.getMessage().startsWith("d.csv: every coordinate lies within ±180, ±90")
                && e.getMessage().contains("EPSG:3067") && e.getMessage().contains("give 'crs' EPSG:4326"),
                e.getMessage());
        assertEquals(2, read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:4326")).size());
    }

    @Test
    void projectedCoordinatesNearTheOriginPassWhenOneLiesBeyondDegrees() throws IOException {
        Path file = write("o.csv", "x,y\n24.05,67.35\n181,67.52\n");
        assertEquals(2, read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:3067")).size());
    }

    @Test
    void noCrsForProjectedColumnsIsAnError() throws IOException {
        Path file = write("n.csv", "x,y\n1,2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read(file, PointLayerOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("n.csv") && e.getMessage().contains("'crs'"), e.getMessage());
    }
}
