package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;

/** An axis-aligned rectangle in some CRS's units; min ≤ max on both axes. */
public record Extent(double minX, double minY, double maxX, double maxY) {
    public Extent {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new InvalidInputException("extent", "extent minx,miny,maxx,maxy must have min ≤ max, got "
                    + minX + "," + minY + "," + maxX + "," + maxY);
        }
    }

    /** Parses {@code minx,miny,maxx,maxy}. */
    public static Extent parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidInputException("extent", "extent '" + text + "' must be minx,miny,maxx,maxy");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("extent", "extent '" + text + "': '" + parts[i] + "' is not a number");
            }
        }
        return new Extent(v[0], v[1], v[2], v[3]);
    }

    /**
     * The smallest extent holding these samples (NaN points ignored).
     *
     * @throws InvalidInputException when there are none, or when they all lie at one location: a grid around a
     *                               single place would have an arbitrary size, and such data usually means the
     *                               coordinate columns are wrong
     */
    public static Extent of(double[] x, double[] y) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        if (minX > maxX) {
            throw new InvalidInputException("samples", "no points to take an extent from");
        }
        if (minX == maxX && minY == maxY) {
            throw new InvalidInputException("extent", "every sample lies at one location (" + minX + ", " + minY
                    + "), so the samples' extent is empty and there is no area to interpolate over; check the "
                    + "coordinate columns, or give the grid's extent to spread these values over it");
        }
        return new Extent(minX, minY, maxX, maxY);
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public Extent expandBy(double margin) {
        return new Extent(minX - margin, minY - margin, maxX + margin, maxY + margin);
    }

    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
}
