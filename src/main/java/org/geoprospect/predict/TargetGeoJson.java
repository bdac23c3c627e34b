package org.geoprospect.predict;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.vector.GeoJsonGeometry;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes exploration targets as an RFC 7946 GeoJSON FeatureCollection, the form web maps and OGC API – Features
 * expect. RFC 7946 allows only WGS84 longitude/latitude, so the polygons are transformed from the grid's CRS (the
 * GeoPackage of {@link TargetGeoPackage} keeps that CRS), rounded to 7 decimals (about 1 cm) and oriented by the
 * right-hand rule (exterior rings counter-clockwise, holes clockwise). A reader gets a {@code bbox} (lon/lat; left
 * out for no targets) and one Polygon feature per target, whose {@code id} is the target's id and whose properties
 * are those of the GeoPackage layer ({@code id}, {@code rank}, {@code status}, {@code tiles}, {@code mean_prob},
 * {@code max_prob}, {@code prob_sd} (null for a model of one member), {@code area_km2}, {@code deposits},
 * {@code cells}), {@code tiles} as an array of integers (empty for dense prediction).
 * <p>
 * The file is streamed, in UTF-8, and published atomically, replacing an existing one: a reader never sees half a
 * file, and a failure leaves no file behind. Thread-safe (no state).
 */
public final class TargetGeoJson {
    private static final JsonFactory JSON = new JsonFactory();

    private TargetGeoJson() {
    }

    /**
     * Writes the targets, whose geometries are in {@code crs}, to {@code file}.
     *
     * @throws InvalidInputException    when a vertex cannot be transformed to WGS84
     * @throws ExecutionFailedException when the file cannot be written, naming it
     */
    public static void write(List<Target> targets, Crs crs, Path file) {
        // transformed first: the bbox comes before the features
        GeoJsonPolygons polygons = new GeoJsonPolygons(crs);
        List<Polygon> lonLat = new ArrayList<>(targets.size());
        targets.forEach(t -> lonLat.add(polygons.lonLat(t.geometry())));
        try {
            AtomicFile.write(file, temp -> {
                try (JsonGenerator json = JSON.createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
                    collection(json, targets, lonLat);
                }
            });
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write GeoJSON " + file + ": " + e.getMessage(), e);
        }
    }

    private static void collection(JsonGenerator json, List<Target> targets, List<Polygon> lonLat)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        if (!lonLat.isEmpty()) {
            Envelope bounds = new Envelope();
            lonLat.forEach(p -> bounds.expandToInclude(p.getEnvelopeInternal()));
            json.writeFieldName("bbox");
            json.writeArray(new double[] {bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()},
                    0, 4);
        }
        json.writeArrayFieldStart("features");
        for (int i = 0; i < targets.size(); i++) {
            feature(json, targets.get(i), lonLat.get(i));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void feature(JsonGenerator json, Target t, Polygon lonLat) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeNumberField("id", t.id());
        json.writeFieldName("geometry");
        GeoJsonGeometry.write(json, lonLat);
        json.writeObjectFieldStart("properties");
        json.writeNumberField(TargetFields.ID, t.id());
        json.writeNumberField(TargetFields.RANK, t.rank());
        json.writeStringField(TargetFields.STATUS, t.status());
        json.writeArrayFieldStart(TargetFields.TILES);
        for (int tile : t.tiles()) {
            json.writeNumber(tile);
        }
        json.writeEndArray();
        json.writeNumberField(TargetFields.MEAN_PROBABILITY, t.meanProbability());
        json.writeNumberField(TargetFields.MAX_PROBABILITY, t.maxProbability());
        if (Double.isNaN(t.probabilitySd())) {
            json.writeNullField(TargetFields.PROBABILITY_SD);
        } else {
            json.writeNumberField(TargetFields.PROBABILITY_SD, t.probabilitySd());
        }
        json.writeNumberField(TargetFields.AREA_KM2, t.areaKm2());
        json.writeNumberField(TargetFields.DEPOSITS, t.knownDeposits());
        json.writeNumberField(TargetFields.CELLS, t.cells());
        json.writeEndObject();
        json.writeEndObject();
    }
}
