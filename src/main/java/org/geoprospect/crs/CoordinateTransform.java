package org.geoprospect.crs;

import org.geoprospect.core.InvalidInputException;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms point coordinates from one {@link Crs} to another with proj4j. The same CRS is the identity.
 * Not thread-safe (proj4j transforms keep state): make one per thread.
 */
public final class CoordinateTransform {
    private final org.locationtech.proj4j.CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public CoordinateTransform(Crs source, Crs target) {
        this.transform = source.sameAs(target) ? null
                : new CoordinateTransformFactory().createTransform(source.proj(), target.proj());
    }

    public boolean isIdentity() {
        return transform == null;
    }

    /**
     * Transforms the coordinates in place. A point that cannot be transformed (outside the projection's domain)
     * becomes NaN, NaN.
     */
    public void transform(double[] x, double[] y) {
        if (transform == null) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            in.x = x[i];
            in.y = y[i];
            try {
                transform.transform(in, out);
                x[i] = out.x;
                y[i] = out.y;
            } catch (RuntimeException e) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
            }
        }
    }

    /** Transforms one point; throws naming both CRSs when it cannot be transformed. */
    public double[] transform(double x, double y) {
        double[] xs = {x};
        double[] ys = {y};
        transform(xs, ys);
        if (Double.isNaN(xs[0])) {
            throw new InvalidInputException("crs", "point (" + x + ", " + y + ") cannot be transformed");
        }
        return new double[] {xs[0], ys[0]};
    }
}
