package org.geoprospect.samples;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A GeoJSON FeatureCollection (or a single Feature) of Point or single-point MultiPoint features (RFC 7946).
 * Properties become columns: the union of the keys of all features, in first-seen order; numbers are written so
 * that {@link Double#parseDouble} reads them back (integers as written, others by {@link Double#toString}), null
 * or absent as "", nested objects and arrays as JSON text. The CRS is CRS84 (EPSG:4326, longitude/latitude) as
 * RFC 7946 says, unless a legacy (2008) {@code crs} member names another. Features are numbered from 1
 * ({@code feature 3}); one without a geometry is skipped with a warning, one with another geometry type is refused.
 * Stateless.
 */
final class GeoJsonPointReader implements PointLayerReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        String source = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InvalidInputException("samples", source + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new InvalidInputException("samples", source + ": cannot read: " + e.getMessage(), e);
        }
        List<JsonNode> features = features(root, source);
        Set<String> keys = new LinkedHashSet<>();
        features.forEach(f -> f.path("properties").fieldNames().forEachRemaining(keys::add));
        List<String> columns = List.copyOf(keys);
        GeometryLayerRows rows = new GeometryLayerRows(source, columns, options, "feature");
        for (int i = 0; i < features.size(); i++) {
            JsonNode properties = features.get(i).path("properties");
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = text(properties.path(columns.get(c)));
            }
            JsonNode geometry = features.get(i).path("geometry");
            String where = source + ", feature " + (i + 1);
            rows.add(values, i + 1, () -> point(geometry, where));
        }
        return rows.table(declaredCrs(root, source), options, warnings);
    }

    private static List<JsonNode> features(JsonNode root, String source) {
        String type = root.path("type").asText();
        if (type.equals("Feature")) {
            return List.of(root);
        }
        if (type.equals("FeatureCollection") && root.path("features").isArray()) {
            List<JsonNode> features = new ArrayList<>();
            root.path("features").forEach(features::add);
            return features;
        }
        throw new InvalidInputException("samples", source + ": not a GeoJSON FeatureCollection or Feature (type '"
                + type + "')");
    }

    /** CRS84 unless the legacy {@code "crs": {"type": "name", "properties": {"name": ...}}} member says otherwise. */
    private static Crs declaredCrs(JsonNode root, String source) {
        JsonNode crs = root.path("crs");
        if (crs.isMissingNode() || crs.isNull()) {
            return Crs.epsg(4326);
        }
        String name = crs.path("properties").path("name").asText("");
        if (!crs.path("type").asText().equals("name") || name.isEmpty()) {
            throw new InvalidInputException("crs", source + ": cannot read its crs member " + crs
                    + "; only {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:...\"}} is understood");
        }
        try {
            return Crs.parse(name);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("crs", source + ": crs member: " + e.getMessage(), e);
        }
    }

    private static double[] point(JsonNode geometry, String where) {
        if (geometry.isMissingNode() || geometry.isNull()) {
            return null;
        }
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (type.equals("MultiPoint") && coordinates.size() <= 1) {
            type = "Point";
            coordinates = coordinates.path(0);
        }
        if (!type.equals("Point")) {
            throw new InvalidInputException("samples", where + ": geometry is " + type
                    + (type.equals("MultiPoint") ? " of " + coordinates.size() + " points" : "")
                    + "; expected points");
        }
        if (coordinates.isMissingNode() || coordinates.isEmpty()) {
            return null; // an empty point
        }
        if (!coordinates.path(0).isNumber() || !coordinates.path(1).isNumber()) {
            throw new InvalidInputException("samples", where + ": coordinates " + coordinates
                    + " are not two numbers");
        }
        return new double[] {coordinates.get(0).doubleValue(), coordinates.get(1).doubleValue()};
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.asText() : Double.toString(value.doubleValue());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
