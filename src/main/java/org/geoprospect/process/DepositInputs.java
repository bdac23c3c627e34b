package org.geoprospect.process;

import org.geoprospect.core.Warnings;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.Raster;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The deposits input every process after interpolate takes: the point layer named by {@code deposits}, read with
 * the shared reading options and transformed into the grid's CRS (a warning says so), each point labelled by where
 * it is in its file.
 */
final class DepositInputs {
    private DepositInputs() {
    }

    static DepositPoints inGridCrs(ProcessInputs in, Raster raster, Warnings warnings) {
        PointTable table = PointLayers.read(in.path("deposits"), PointLayerInputs.options(in), warnings);
        double[] x = table.x().clone();
        double[] y = table.y().clone();
        CoordinateTransform transform = new CoordinateTransform(table.crs(), raster.grid().crs());
        if (!transform.isIdentity()) {
            warnings.add(table.source() + ": deposits transformed from " + table.crs().id() + " to the grid's "
                    + raster.grid().crs().id());
            transform.transform(x, y);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            labels.add(table.where(i));
        }
        return new DepositPoints(x, y, labels);
    }
}
