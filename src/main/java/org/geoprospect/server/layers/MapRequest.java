package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;

/**
 * What a map image shows: a {@code width × height} image of the box {@code bbox} (minX, minY, maxX, maxY) in
 * {@code crs}, from one band. Defaults: CRS84, the whole layer, 1024 pixels wide (or as wide as the given height
 * and the box's aspect ask), as high as the aspect asks, the first band.
 *
 * @param band the band's name, or null for the first
 */
record MapRequest(int width, int height, double[] bbox, Crs crs, String band) {
    /** Larger images would take seconds and hundreds of megabytes to draw. */
    static final int MAX_SIZE = 4096;
    static final int DEFAULT_WIDTH = 1024;

    /**
     * Reads the query parameters (each may be null).
     *
     * @throws InvalidInputException naming a parameter out of its range
     */
    static MapRequest parse(Layer layer, String width, String height, String bbox, String crs, String band) {
        Crs c = crs == null || crs.isBlank() ? BoundingBoxes.CRS84 : Crs.parse(crs);
        double[] box = bbox == null ? BoundingBoxes.transform(layer.bbox(), Crs.parse(layer.crs()), c) : box(bbox);
        double aspect = (box[2] - box[0]) / (box[3] - box[1]);
        Integer w = width == null ? null : size("width", width);
        Integer h = height == null ? null : size("height", height);
        if (w == null) {
            w = h == null ? DEFAULT_WIDTH : fit(h * aspect);
        }
        if (h == null) {
            h = fit(w / aspect);
        }
        return new MapRequest(w, h, box, c, band);
    }

    private static int size(String name, String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1 && v <= MAX_SIZE) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(name, name + " '" + text + "' must be a whole number of pixels from 1 to "
                + MAX_SIZE);
    }

    private static int fit(double pixels) {
        return (int) Math.max(1, Math.min(MAX_SIZE, Math.round(pixels)));
    }

    private static double[] box(String text) {
        String[] parts = text.split(",");
        double[] box = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            box[0] = Double.NaN;
        }
        if (!(box[0] < box[2]) || !(box[1] < box[3]) || !Double.isFinite(box[2] - box[0])
                || !Double.isFinite(box[3] - box[1])) {
            throw new InvalidInputException("bbox", "bbox '" + text + "' must be minX,minY,maxX,maxY in the map's "
                    + "CRS (longitude, latitude for CRS84), with minX < maxX and minY < maxY");
        }
        return box;
    }
}
