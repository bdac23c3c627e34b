package org.geoprospect.crs;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.testsupport.SharedData;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrsTest {

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:3067", "epsg:3067", "EPSG::3067", "3067", "urn:ogc:def:crs:EPSG::3067",
            "http://www.opengis.net/def/crs/EPSG/0/3067"})
    void epsgCodeSpellings(String text) {
        Crs crs = Crs.parse(text);
        assertEquals(3067, crs.epsgCode().orElseThrow());
        assertFalse(crs.isGeographic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRS84", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84"})
    void crs84IsLonLatWgs84(String text) {
        Crs crs = Crs.parse(text);
        assertEquals(4326, crs.epsgCode().orElseThrow());
        assertTrue(crs.isGeographic());
    }

    @Test
    void kolariPrjIsIdentifiedAsTm35fin() throws Exception {
        String wkt = Files.readString(SharedData.require("kolari/iocg_occurrences.prj"), StandardCharsets.UTF_8);
        assertFalse(wkt.contains("AUTHORITY"), "an ESRI .prj without a code, so identification is tested");
        assertEquals(3067, Crs.fromWkt(wkt).epsgCode().orElseThrow());
    }

    @Test
    void metresPerUnitOfProjectedCrs() {
        assertEquals(1.0, Crs.epsg(32650).metresPerUnit());
        assertEquals(1200.0 / 3937, Crs.epsg(2227).metresPerUnit(), 1e-15, "US survey foot");
        assertThrows(IllegalStateException.class, () -> Crs.epsg(4326).metresPerUnit());
    }

    /**
     * {@link Crs#epsg} builds from {@link EpsgDatabase}'s copy of each definition rather than proj4j's own look-up
     * (which reads its file again on every call): the parameters must be the ones proj4j finds, which makes the CRS
     * the same, since proj4j's look-up builds from those parameters. Every 250th code and some in use here; a
     * one-off comparison of all 5,755 codes of proj4j-epsg 1.4.1 found no difference.
     */
    @Test
    void epsgCodesHaveTheParametersOfProj4jsOwnLookUp() {
        CRSFactory proj4j = new CRSFactory();
        List<Integer> codes = new ArrayList<>(List.of(4326, 3067, 32650, 20350, 3857, 2066, 2227, 28350));
        List<Integer> all = List.copyOf(EpsgDatabase.entries().keySet());
        for (int i = 0; i < all.size(); i += 250) {
            codes.add(all.get(i));
        }
        int compared = 0;
        for (int code : codes) {
            CoordinateReferenceSystem expected;
            try {
                expected = proj4j.createFromName("EPSG:" + code);
            } catch (RuntimeException e) {
                assertThrows(InvalidInputException.class, () -> Crs.epsg(code), "EPSG:" + code);
                continue;
            }
            CoordinateReferenceSystem actual = Crs.epsg(code).proj();
            assertEquals(expected.getName(), actual.getName());
            assertArrayEquals(expected.getParameters(), actual.getParameters(), "EPSG:" + code);
            assertEquals(expected.getProjection().toString(), actual.getProjection().toString(), "EPSG:" + code);
            compared++;
        }
        assertTrue(compared > 20, compared + " codes compared");
        assertEquals("WGS 84 / UTM zone 50N", Crs.epsg(32650).name());
    }

    @Test
    void unknownCodeAndTextAreErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Crs.parse("EPSG:999999"));
        assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> Crs.parse("Finland please"));
    }

    /**
     * Murchison laterite sites into AGD84 / AMG zone 50, against GDAL/PROJ. The two differ in the datum shift:
     * proj4j applies the 3-parameter {@code +towgs84=-134,-48,149} of its EPSG file, PROJ the 7-parameter
     * "AGD84 to WGS 84 (7)" (EPSG says 3 m accuracy). Over these points they differ by 1.3 to 1.6 m, mostly in
     * easting, so 1 m cannot hold; 5 m bounds that datum-shift difference while still catching any projection
     * error (a wrong zone, axis order or ellipsoid moves points by hundreds of metres or more).
     */
    @Test
    void wgs84ToAmgZone50AgreesWithGdaltransform() throws Exception {
        double[][] lonLat = {{117.25, -27.5}, {118.6042, -26.9811}, {116.1446, -33.945}};
        StringBuilder input = new StringBuilder();
        for (double[] p : lonLat) {
            input.append(p[0]).append(' ').append(p[1]).append('\n'); // gdaltransform takes GIS order, lon lat
        }
        String[] lines = Tool.run(input.toString(), "gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:20350")
                .strip().split("\n");
        CoordinateTransform transform = new CoordinateTransform(Crs.epsg(4326), Crs.epsg(20350));
        for (int i = 0; i < lonLat.length; i++) {
            String[] expected = lines[i].strip().split("\\s+");
            double[] actual = transform.transform(lonLat[i][0], lonLat[i][1]);
            assertEquals(Double.parseDouble(expected[0]), actual[0], 5.0, "easting of point " + i);
            assertEquals(Double.parseDouble(expected[1]), actual[1], 5.0, "northing of point " + i);
        }
    }
}
