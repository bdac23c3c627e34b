package org.geoprospect.grid;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import org.geoprospect.crs.Crs;

import java.util.List;
import java.util.Map;

/**
 * The {@link GridGeometry} of a GeoTIFF image, read as GDAL reads it: from ModelPixelScale with the first
 * ModelTiepoint, or from a ModelTransformation without rotation. With GTRasterTypeGeoKey = PixelIsPoint the
 * georeferenced point is a cell's centre, so the corner lies half a cell up and left (GDAL's default,
 * GTIFF_POINT_GEO_IGNORE=FALSE). Grids that {@link GridGeometry} cannot hold (rotated, south-up, ground control
 * points only) are refused with {@link IllegalArgumentException} saying what to do.
 */
final class GeoTiffGeoreference {
    private GeoTiffGeoreference() {
    }

    static GridGeometry grid(FileDirectory image, Map<Integer, Object> geoKeys, Crs crs) {
        List<Double> scale = image.getModelPixelScale();
        List<Double> tiepoint = image.getModelTiepoint();
        double minX;
        double maxY;
        double cellWidth;
        double cellHeight;
        if (scale != null && scale.size() >= 2 && tiepoint != null && tiepoint.size() >= 6) {
            cellWidth = scale.get(0);
            cellHeight = scale.get(1);
            minX = tiepoint.get(3) - tiepoint.get(0) * cellWidth;
            maxY = tiepoint.get(4) + tiepoint.get(1) * cellHeight;
        } else if (image.get(FieldTagType.ModelTransformation) != null) {
            double[] m = transformation(image.get(FieldTagType.ModelTransformation));
            if (m[1] != 0 || m[4] != 0) {
                throw new IllegalArgumentException("the grid is rotated (ModelTransformation has rotation terms);"
                        + " make it north-up with gdalwarp first");
            }
            cellWidth = m[0];
            cellHeight = -m[5];
            minX = m[3];
            maxY = m[7];
        } else {
            throw new IllegalArgumentException("the GeoTIFF has no ModelPixelScale with ModelTiepoint and no"
                    + " ModelTransformation (only ground control points, or not georeferenced);"
                    + " georeference it with gdalwarp first");
        }
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("cell size " + cellWidth + " × " + cellHeight
                    + " is not that of a north-up grid; make it north-up with gdalwarp first");
        }
        if (Integer.valueOf(GeoKeys.RasterPixelIsPoint).equals(geoKeys.get(GeoKeys.GTRasterTypeGeoKey))) {
            minX -= cellWidth / 2;
            maxY += cellHeight / 2;
        }
        return new GridGeometry(crs, minX, maxY, cellWidth, cellHeight,
                image.getImageWidth().intValue(), image.getImageHeight().intValue());
    }

    private static double[] transformation(FileDirectoryEntry entry) {
        List<?> values = (List<?>) entry.getValues();
        if (values.size() < 16) {
            throw new IllegalArgumentException("ModelTransformation has " + values.size() + " values, not 16");
        }
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = ((Number) values.get(i)).doubleValue();
        }
        return m;
    }
}
