package org.geoprospect.predict;

import org.apache.commons.csv.CSVRecord;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GDAL, the reference reader, finds in our GeoPackages the layer, CRS, schema, extent and the targets written. */
class TargetGeoPackageTest {
    private static final Crs UTM_50N = Crs.epsg(32650);
    /** A transverse Mercator that no EPSG code describes. */
    private static final String LOCAL_TM = "PROJCS[\"Local TM\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
            + "SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
            + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",117.3],PARAMETER[\"scale_factor\",1],"
            + "PARAMETER[\"false_easting\",10000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
    /** Longitude/latitude on a sphere that no EPSG code describes. */
    private static final String SMALL_SPHERE = "GEOGCS[\"Small sphere\",DATUM[\"small\",SPHEROID[\"small\",6000000,0]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";

    @TempDir
    Path dir;

    @BeforeAll
    static void gdal() {
        Tool.require("ogrinfo");
        Tool.require("ogr2ogr");
    }

    @Test
    void gdalSeesOnePolygonLayerWithItsCrsSchemaExtentAndDescription() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, file);

        String summary = Ogr.summary(file);
        assertTrue(summary.contains("Layer name: targets\n"), summary);
        assertTrue(summary.contains("Geometry: Polygon\n"), summary);
        assertTrue(summary.contains("Feature Count: 4\n"), summary);
        assertTrue(summary.contains("Extent: (480000.000000, 3500000.000000) - (488000.000000, 3504000.000000)"),
                summary);
        assertTrue(summary.contains("PROJCRS[\"WGS 84 / UTM zone 50N\""), summary);
        assertTrue(summary.contains("    ID[\"EPSG\",32650]]\n"), summary);
        assertTrue(summary.contains("Geometry Column = geom\n"), summary);
        assertTrue(summary.contains("DESCRIPTION=exploration targets"), summary);
        // GDAL reads GeoPackage INTEGER (64 bits) as Integer64
        Map<String, String> expected = new LinkedHashMap<>();
        Stream.of("id", "rank").forEach(f -> expected.put(f, "Integer64"));
        Stream.of("status", "tiles").forEach(f -> expected.put(f, "String"));
        Stream.of("mean_prob", "max_prob", "prob_sd", "area_km2").forEach(f -> expected.put(f, "Real"));
        Stream.of("deposits", "cells").forEach(f -> expected.put(f, "Integer64"));
        assertEquals(expected, Ogr.fields(summary));

        CSVRecord contents = Ogr.sql(file, "SELECT identifier, description, min_x, min_y, max_x, max_y, srs_id"
                + " FROM gpkg_contents WHERE table_name = 'targets'").get(0);
        assertEquals("targets", contents.get("identifier"));
        assertTrue(contents.get("description").startsWith("exploration targets"), contents.get("description"));
        assertEquals(List.of(480000.0, 3500000.0, 488000.0, 3504000.0), Stream.of("min_x", "min_y", "max_x", "max_y")
                .map(c -> Double.parseDouble(contents.get(c))).collect(Collectors.toList()));
        CSVRecord geometryColumn = Ogr.sql(file, "SELECT column_name, geometry_type_name, srs_id, z, m"
                + " FROM gpkg_geometry_columns WHERE table_name = 'targets'").get(0);
        assertEquals(List.of("geom", "POLYGON", "32650", "0", "0"), geometryColumn.toList());
    }

    @Test
    void gdalReadsBackTheAttributesAndGeometriesWritten() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        List<Target> targets = SampleTargets.utm50();
        TargetGeoPackage.write(targets, UTM_50N, file);

        List<CSVRecord> features = Ogr.features(file);
        assertEquals(targets.size(), features.size());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            CSVRecord f = features.get(i);
            Geometry read = wkt.read(f.get("WKT"));
            assertTrue(read.equalsExact(t.geometry()), "target " + t.id() + ": " + read);
            assertEquals(t.id(), Integer.parseInt(f.get("id")));
            assertEquals(t.rank(), Integer.parseInt(f.get("rank")));
            assertEquals(t.status(), f.get("status"));
            assertEquals(t.tiles().stream().map(String::valueOf).collect(Collectors.joining(",")), f.get("tiles"));
            // GDAL's CSV prints 15 significant digits
            assertEquals(t.meanProbability(), Double.parseDouble(f.get("mean_prob")), 1e-14);
            assertEquals(t.maxProbability(), Double.parseDouble(f.get("max_prob")), 1e-14);
            if (Double.isNaN(t.probabilitySd())) {
                assertEquals("", f.get("prob_sd"), "a model of one member has no spread: NULL");
            } else {
                assertEquals(t.probabilitySd(), Double.parseDouble(f.get("prob_sd")), 1e-14);
            }
            assertEquals(t.areaKm2(), Double.parseDouble(f.get("area_km2")), 1e-14);
            assertEquals(t.knownDeposits(), Integer.parseInt(f.get("deposits")));
            assertEquals(t.cells(), Integer.parseInt(f.get("cells")));
        }
        assertEquals(List.of("known", "new", "known", "new"),
                features.stream().map(f -> f.get("status")).collect(Collectors.toList()));
        // dense prediction: NULL, not an empty string
        assertEquals("2", Ogr.sql(file, "SELECT id FROM targets WHERE tiles IS NULL").get(0).get("id"));
    }

    @ParameterizedTest(name = "EPSG:{0}")
    @CsvSource(delimiter = ';', value = {
            "32650; 480000; 3500000; 1000; PROJCRS[\"WGS 84 / UTM zone 50N\"",
            "3067; 400000; 7000000; 1000; PROJCRS[\"ETRS89 / TM35FIN(E,N)\"",
            "4326; 117.25; 31.5; 0.0078125; GEOGCRS[\"WGS 84\""})
    void theCrsHasOneSpatialRefSysRowUnderItsEpsgCode(int code, double x0, double y0, double cell, String gdalName)
            throws Exception {
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.at(x0, y0, cell), Crs.epsg(code), file);

        String summary = Ogr.summary(file);
        assertTrue(summary.contains("Feature Count: 4\n"), summary);
        assertTrue(summary.contains("Layer SRS WKT:\n" + gdalName), summary);
        assertTrue(summary.contains("    ID[\"EPSG\"," + code + "]]\n"), summary);
        List<CSVRecord> rows = Ogr.sql(file, "SELECT organization, organization_coordsys_id, srs_name, definition"
                + " FROM gpkg_spatial_ref_sys WHERE srs_id = " + code);
        assertEquals(1, rows.size());
        CSVRecord srs = rows.get(0);
        assertEquals("EPSG", srs.get("organization"));
        assertEquals(Integer.toString(code), srs.get("organization_coordsys_id"));
        if (code != 4326) { // 4326 is the row every GeoPackage is created with
            assertEquals(Crs.epsg(code).name(), srs.get("srs_name"));
        }
        Tool.require("gdalsrsinfo");
        assertEquals("EPSG:" + code, Tool.run("", "gdalsrsinfo", "-o", "epsg", srs.get("definition")).strip(),
                "the definition, read alone, is the CRS");
        assertEquals(List.of(Integer.toString(code), Integer.toString(code)), List.of(
                Ogr.sql(file, "SELECT srs_id FROM gpkg_contents").get(0).get("srs_id"),
                Ogr.sql(file, "SELECT srs_id FROM gpkg_geometry_columns").get(0).get("srs_id")));
        assertEquals(3 + (code == 4326 ? 0 : 1), Ogr.sql(file, "SELECT srs_id FROM gpkg_spatial_ref_sys").size(),
                "the required rows (-1, 0, 4326) and this CRS's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"projected; -1", "geographic; 0"})
    void aCrsWithoutEpsgCodeIsAnUndefinedSystem(String kind, int srsId) throws Exception {
        Crs local = Crs.fromWkt(kind.equals("projected") ? LOCAL_TM : SMALL_SPHERE);
        assertTrue(local.epsgCode().isEmpty(), "the fixture must have no EPSG code");
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.at(0, 0, 1), local, file);

        assertTrue(Ogr.summary(file).contains("Feature Count: 4\n"));
        assertEquals(Integer.toString(srsId),
                Ogr.sql(file, "SELECT srs_id FROM gpkg_geometry_columns").get(0).get("srs_id"));
    }

    @Test
    void theExtensionsTableIsThereForGeoToolsReadOnlyReaders() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, file);
        // optional in the standard; GeoTools (GeoServer) opens a read-only GeoPackage only with it
        assertEquals("1", Ogr.sql(file, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'gpkg_extensions'")
                .get(0).get("n"));
    }

    @Test
    void noTargetsGiveAValidEmptyLayer() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(List.of(), UTM_50N, file);

        String summary = Ogr.summary(file);
        assertTrue(summary.contains("Layer name: targets\n"), summary);
        assertTrue(summary.contains("Geometry: Polygon\n"), summary);
        assertTrue(summary.contains("Feature Count: 0\n"), summary);
        assertTrue(summary.contains("    ID[\"EPSG\",32650]]\n"), summary);
        assertEquals(10, Ogr.fields(summary).size(), summary);
        assertEquals("", Ogr.sql(file, "SELECT min_x FROM gpkg_contents").get(0).get("min_x"), "no extent");
    }

    @Test
    void theLayerNameCanBeChosenAndMustBeATableName() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, file, "gold_prospects");
        assertTrue(Ogr.summary(file).contains("Layer name: gold_prospects\n"));

        for (String bad : List.of("gpkg_targets", "targets; DROP TABLE x", "", "1st")) {
            assertThrows(InvalidInputException.class,
                    () -> TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, dir.resolve("bad.gpkg"), bad), bad);
        }
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        Path file = dir.resolve("targets.gpkg");
        Files.writeString(file, "not a GeoPackage");
        TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, file);
        TargetGeoPackage.write(SampleTargets.utm50().subList(0, 1), UTM_50N, file);

        assertTrue(Ogr.summary(file).contains("Feature Count: 1\n"));
        assertEquals(List.of(file), list(dir), "no temporary file is left");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNothingBehind() throws Exception {
        Path missing = dir.resolve("missing").resolve("targets.gpkg");
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(List.of(), list(dir));

        // written completely, then the move fails: the target is a folder that is not empty
        Path folder = Files.createDirectory(dir.resolve("targets.gpkg"));
        Files.writeString(folder.resolve("keep.txt"), "x");
        e = assertThrows(ExecutionFailedException.class,
                () -> TargetGeoPackage.write(SampleTargets.utm50(), UTM_50N, folder));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertEquals(List.of(folder), list(dir));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }
}
