package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;

/**
 * What a map image shows: a {@code width × height} image of the box {@code bbox} (minX, minY, maxX, maxY) in
 * {@code crs}, from one band. Defaults: CRS84, the whole layer, 1024 pixels wide (or as wide as the given height
 * and the box's aspect ask), as high as the aspect asks, the first band.
 *
 * Both map protocols build one: {@code /layers/{name}/map} with {@link #parse}, WMS from its own parameters (it
 * differs only in the axis order of its BBOX) with {@link #size} and {@link #box}.
 *
 * @param band the band's name, or null for the first
 */
public record MapRequest(int width, int height, double[] bbox, Crs crs, String band) {
    /** Larger images would take seconds and hundreds of megabytes to draw. */
    public static final int MAX_SIZE = 4096;
    static final int DEFAULT_WIDTH = 1024;

    /**
     * Reads the query parameters (each may be null).
     *
     * @throws InvalidInputException naming a parameter out of its range
     */
    static MapRequest parse(Layer layer, String width, String height, String bbox, String crs, String band) {
        Crs c = crs == null || crs.isBlank() ? BoundingBoxes.CRS84 : Crs.parse(crs);
        double[] box = bbox == null ? BoundingBoxes.transform(layer.bbox(), Crs.parse(layer.crs()), c) : box(bbox, "minX,minY,maxX,maxY in the map's CRS (longitude, latitude for CRS84)");
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

    /**
     * @param name the parameter, for the message
     * @return the number of pixels
     * @throws InvalidInputException (input {@code name}) unless it is a whole number from 1 to {@link #MAX_SIZE}
     */
    public static int size(String name, String text) {
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

    /**
     * @param axes how the four numbers are ordered, for the message
     * @return the four numbers, in the order given
     * @throws InvalidInputException (input {@code bbox}) unless they are four numbers with min &lt; max on each axis
     */
    public static double[] box(String text, String axes) {
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
            throw new InvalidInputException("bbox", "bbox '" + text + "' must be " + axes
                    + ", each min less than its max");
        }
        return box;
    }
}
