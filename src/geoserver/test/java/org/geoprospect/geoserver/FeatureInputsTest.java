package org.geoprospect.geoserver;

import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.feature.simple.SimpleFeatureTypeBuilder;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A feature collection as the CSV the engine reads. */
class FeatureInputsTest {
    @TempDir
    Path dir;

    @Test
    void eastFirstQuotedAttributesAndRowsWithoutALocationKept() throws Exception {
        SimpleFeatureTypeBuilder tb = new SimpleFeatureTypeBuilder();
        tb.setName("samples");
        tb.setCRS(CRS.decode("EPSG:4326")); // north first in the EPSG database
        tb.add("geom", Point.class);
        tb.add("name", String.class);
        tb.add("Au_ppb", String.class);
        var type = tb.buildFeatureType();
        GeometryFactory gf = new GeometryFactory();
        ListFeatureCollection features = new ListFeatureCollection(type);
        features.add(SimpleFeatureBuilder.build(type, new Object[] {gf.createPoint(new Coordinate(-27.5, 117.25)),
                "a, \"b\"", "<0.3"}, "s.1"));
        features.add(SimpleFeatureBuilder.build(type, new Object[] {null, "lost", "1.5"}, "s.2"));
        Path csv = dir.resolve("samples.csv");
        assertEquals("EPSG:4326", FeatureInputs.writeCsv("samples", features, csv));
        assertEquals(List.of("gp_x,gp_y,name,Au_ppb", "117.25,-27.5,\"a, \"\"b\"\"\",<0.3", ",,lost,1.5"),
                Files.readAllLines(csv));
    }
}
