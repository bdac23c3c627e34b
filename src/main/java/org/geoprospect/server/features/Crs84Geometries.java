package org.geoprospect.server.features;

import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.crs.Crs;
import org.geoprospect.server.layers.BoundingBoxes;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Carries geometries from a layer's CRS into CRS84, vertex by vertex. A vertex outside the projection's domain
 * becomes NaN, which the GeoJSON writer answers with a null geometry. Not thread-safe (the transform keeps state):
 * one per read.
 */
final class Crs84Geometries {
    private final CoordinateTransform transform;

    Crs84Geometries(Crs source) {
        this.transform = new CoordinateTransform(source, BoundingBoxes.CRS84);
    }

    /** @return the geometry in CRS84; {@code g} itself, changed in place */
    Geometry transform(Geometry g) {
        if (transform.isIdentity()) {
            return g;
        }
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] x = {seq.getX(i)};
                double[] y = {seq.getY(i)};
                transform.transform(x, y);
                seq.setOrdinate(i, 0, x[0]);
                seq.setOrdinate(i, 1, y[0]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
