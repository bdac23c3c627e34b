package org.geoprospect.samples;

import org.geoprospect.core.Warnings;
import org.geoprospect.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real survey files of {@code ../shared/data} (see its README); skipped when that folder is absent. */
class RealDataTest {
    private static final PointLayerOptions TM35FIN = PointLayerOptions.DEFAULTS.withCrs("EPSG:3067");

    private static PointTable read(String relative, PointLayerOptions options) {
        return PointLayers.read(SharedData.require(relative), options, new Warnings());
    }

    @Test
    void kolariTillGeoPackage() {
        PointTable t = read("kolari/till_geochemistry.gpkg", PointLayerOptions.DEFAULTS);
        assertEquals(1112, t.size());
        assertEquals(3067, t.crs().epsgCode().orElseThrow());
        assertTrue(t.columns().containsAll(List.of("Cu_ppm_511", "Cu_511P_T", "K_ppm_511P")), t.columns().toString());
    }

    @Test
    void kolariTillCsvHasTheGeoPackagesCoordinates() {
        PointTable gpkg = read("kolari/till_geochemistry.gpkg", PointLayerOptions.DEFAULTS);
        PointTable csv = read("kolari/till_geochemistry.csv", TM35FIN);
        assertArrayEquals(gpkg.x(), csv.x(), 1e-6); // the CSV was written with fewer digits
        assertArrayEquals(gpkg.y(), csv.y(), 1e-6);
    }

    @Test
    void kolariTillCopperUsesItsFlagColumn() {
        PointTable t = read("kolari/till_geochemistry.gpkg", PointLayerOptions.DEFAULTS);
        Warnings warnings = new Warnings();
        SampleSet s = new SampleSetBuilder(ValuePolicy.DEFAULT).build(t, List.of("Cu", "Zr"), warnings);
        assertEquals("Cu_ppm_511", s.elements().get(0).column());
        assertEquals("Zr_ppm_511", s.elements().get(1).column());
        // the README: Zr is below the detection limit 166 times, flagged '<' in Zr_511P_T; the file gives 0 as the
        // limit of all of them, so they cannot be substituted and count as not analysed
        assertTrue(warnings.list().contains("Zr: 166 value(s) flagged below a detection limit of 0, which gives "
                + "nothing to substitute; they are treated as not analysed"), warnings.list().toString());
        assertEquals(1112 - 166, s.elements().get(1).count());
    }

    @Test
    void kolariShapefileEqualsItsCsv() {
        Warnings warnings = new Warnings();
        Path shp = SharedData.require("kolari/iocg_occurrences.shp");
        PointTable shape = PointLayers.read(shp, PointLayerOptions.DEFAULTS, warnings);
        PointTable csv = read("kolari/iocg_occurrences.csv", TM35FIN);
        assertEquals(26, shape.size());
        assertEquals(3067, shape.crs().epsgCode().orElseThrow());
        assertTrue(warnings.isEmpty(), warnings.list().toString());
        assertArrayEquals(csv.x(), shape.x());
        assertArrayEquals(csv.y(), shape.y());
        assertEquals(csv.columns(), shape.columns());
        for (int c = 0; c < csv.columns().size(); c++) {
            for (int i = 0; i < csv.size(); i++) {
                assertSameValue(csv.values().get(c)[i], shape.values().get(c)[i], shape.where(i) + " "
                        + csv.columns().get(c));
            }
        }
        assertEquals("Vähäjoki", shape.values().get(shape.columnIndex("Name"))[0]);
    }

    /**
     * The CSV was written by GDAL, which rewrote what the .dbf holds: numbers ({@code 4.22241000000e+05} became
     * {@code 422241.00000000000}) and dates ({@code 20200120} became {@code 2020/01/20}, we give ISO
     * {@code 2020-01-20}). Text must be equal as it is.
     */
    private static void assertSameValue(String csv, String shapefile, String where) {
        if (csv.matches("\\d{4}/\\d{2}/\\d{2}")) {
            assertEquals(csv.replace('/', '-'), shapefile, where);
        } else if (csv.matches("-?[0-9.]+") && !shapefile.isEmpty()) {
            assertEquals(Double.parseDouble(csv), Double.parseDouble(shapefile), where);
        } else {
            assertEquals(csv, shapefile, where);
        }
    }

    @Test
    void murchisonLateritesAreLonLatWithAuInPpb() {
        Warnings warnings = new Warnings();
        PointTable t = PointLayers.read(SharedData.require("murchison/laterite_samples.csv"),
                PointLayerOptions.DEFAULTS, warnings);
        // 7,742 records; G0_6051 has no coordinates (nor gold)
        assertEquals(7741, t.size());
        assertTrue(warnings.list().contains("laterite_samples.csv: 1 record(s) without coordinates were skipped"),
                warnings.list().toString());
        assertEquals(4326, t.crs().epsgCode().orElseThrow());
        assertTrue(warnings.list().stream().anyMatch(w -> w.contains("EPSG:4326")), warnings.list().toString());
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.x()[i] > 110 && t.x()[i] < 130 && t.y()[i] > -36 && t.y()[i] < -20, t.where(i));
        }
        ElementMatcher.Match au = ElementMatcher.match("Au", t.columns(), t.source());
        assertEquals("Au_ppb", t.columns().get(au.column()));
        assertEquals("ppb", au.unit());
        long present = List.of(t.values().get(au.column())).stream().filter(v -> !v.isEmpty()).count();
        assertEquals(3120, present);
    }
}
