package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.crs.Crs;

/**
 * Bounding boxes ({minX, minY, maxX, maxY}) carried from one CRS into another. A projected box's edges bend in
 * longitude/latitude (and the reverse), so the corners alone would miss the bulge: each edge is sampled at
 * {@value #STEPS} intervals and the box of the transformed samples taken. Thread-safe (no state).
 */
public final class BoundingBoxes {
    /** CRS84: WGS 84 longitude/latitude, the CRS of OGC API – Features and of {@code bbox84}. */
    public static final Crs CRS84 = Crs.epsg(4326);

    private static final int STEPS = 20;

    private BoundingBoxes() {
    }

    /**
     * @return the layer's extent in CRS84 (west, south, east, north), or null when its CRS is not one this server
     * can transform (a GeoPackage's undefined system), so that one such layer does not spoil a listing
     */
    public static double[] crs84(Layer layer) {
        try {
            return transform(layer.bbox(), Crs.parse(layer.crs()), CRS84);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * @return the box holding the transformed edges of {@code bbox}
     * @throws InvalidInputException (input {@code bbox}) when no point of it can be transformed
     */
    public static double[] transform(double[] bbox, Crs from, Crs to) {
        CoordinateTransform t = new CoordinateTransform(from, to);
        if (t.isIdentity()) {
            return bbox.clone();
        }
        int n = 4 * STEPS;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < STEPS; i++) {
            double f = (double) i / STEPS;
            double ex = bbox[0] + f * (bbox[2] - bbox[0]);
            double ey = bbox[1] + f * (bbox[3] - bbox[1]);
            x[i] = ex; // south edge, west to east
            y[i] = bbox[1];
            x[STEPS + i] = bbox[2]; // east edge, south to north
            y[STEPS + i] = ey;
            x[2 * STEPS + i] = bbox[2] - (ex - bbox[0]); // north edge, east to west
            y[2 * STEPS + i] = bbox[3];
            x[3 * STEPS + i] = bbox[0]; // west edge, north to south
            y[3 * STEPS + i] = bbox[3] - (ey - bbox[1]);
        }
        t.transform(x, y);
        double[] out = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                out[0] = Math.min(out[0], x[i]);
                out[1] = Math.min(out[1], y[i]);
                out[2] = Math.max(out[2], x[i]);
                out[3] = Math.max(out[3], y[i]);
            }
        }
        if (out[0] > out[2]) {
            throw new InvalidInputException("bbox", "the box " + java.util.Arrays.toString(bbox) + " in "
                    + from.id() + " has no point that can be transformed to " + to.id());
        }
        return out;
    }
}
