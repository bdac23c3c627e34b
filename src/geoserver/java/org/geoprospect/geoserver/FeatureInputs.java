package org.geoprospect.geoserver;

import org.geoprospect.core.InvalidInputException;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.api.feature.type.AttributeDescriptor;
import org.geotools.api.feature.type.GeometryDescriptor;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A point layer that GeoServer hands over as a feature collection (a catalog feature type by WFS reference, GML,
 * GeoJSON, a zipped shapefile), written as the CSV the engine reads: the point's coordinates in two columns of their
 * own (east first, whatever the CRS's axis order), then every attribute as it is. The engine then takes the
 * locations from those columns and the CRS from the collection.
 */
final class FeatureInputs {
    static final String X = "gp_x";
    static final String Y = "gp_y";

    private FeatureInputs() {
    }

    /**
     * @return the collection's CRS as an EPSG code, or null where it has none
     * @throws InvalidInputException naming the input: a feature without a point, a CRS without an EPSG code
     */
    static String writeCsv(String input, SimpleFeatureCollection features, Path file) throws IOException {
        CoordinateReferenceSystem crs = features.getSchema().getCoordinateReferenceSystem();
        boolean northFirst = crs != null && CRS.getAxisOrder(crs) == CRS.AxisOrder.NORTH_EAST;
        List<String> names = new ArrayList<>();
        GeometryDescriptor geometry = features.getSchema().getGeometryDescriptor();
        for (AttributeDescriptor a : features.getSchema().getAttributeDescriptors()) {
            if (a != geometry && !(a instanceof GeometryDescriptor)) {
                names.add(a.getLocalName());
            }
        }
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SimpleFeatureIterator it = features.features()) {
            out.write(X + "," + Y);
            for (String n : names) {
                out.write("," + quote(n));
            }
            out.write("\n");
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Point p = point(input, f);
                if (p != null) { // without one the row has no coordinates: the engine skips it and says so
                    out.write(String.valueOf(northFirst ? p.getY() : p.getX()));
                    out.write(",");
                    out.write(String.valueOf(northFirst ? p.getX() : p.getY()));
                } else {
                    out.write(",");
                }
                for (String n : names) {
                    Object v = f.getAttribute(n);
                    out.write(",");
                    out.write(v == null ? "" : quote(v.toString()));
                }
                out.write("\n");
            }
        }
        return crs == null ? null : epsg(input, crs);
    }

    private static Point point(String input, SimpleFeature f) {
        Object g = f.getDefaultGeometry();
        if (g == null || ((Geometry) g).isEmpty()) {
            return null;
        }
        Geometry geometry = (Geometry) g;
        if (geometry instanceof Point p) {
            return p;
        }
        if (geometry.getNumGeometries() == 1 && geometry.getGeometryN(0) instanceof Point p) {
            return p;
        }
        throw new InvalidInputException(input, "input '" + input + "': feature " + f.getID() + " is a "
                + geometry.getGeometryType() + "; samples and deposits are points");
    }

    private static String epsg(String input, CoordinateReferenceSystem crs) {
        try {
            Integer code = CRS.lookupEpsgCode(crs, true);
            if (code != null) {
                return "EPSG:" + code;
            }
        } catch (FactoryException e) {
            // reported below
        }
        throw new InvalidInputException(input, "input '" + input + "': its CRS (" + crs.getName()
                + ") has no EPSG code; reproject the layer to an EPSG CRS");
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
