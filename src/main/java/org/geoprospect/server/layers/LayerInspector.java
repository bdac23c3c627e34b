package org.geoprospect.server.layers;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.features.user.FeatureDao;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.geoprospect.samples.PointLayerOptions;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads what the catalog records about a layer file — kind, CRS, extent, feature or band count — and so checks that
 * the file is what it claims before it is published: a GeoTIFF the reader opens, a GeoPackage feature layer, or a
 * point layer (CSV, zipped or plain shapefile, GeoJSON) the sample readers accept.
 */
final class LayerInspector {
    /** What the catalog needs to know of a file. */
    record Facts(LayerKind kind, String crs, double[] bbox, int count) {
    }

    private LayerInspector() {
    }

    /**
     * @param crs the CRS of a point file that declares none, or null
     * @throws InvalidInputException (input {@code layer}) when the file is not a layer of a known format
     */
    static Facts inspect(Path file, String crs) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            Raster raster = new GeoTiffReader().read(file);
            GridGeometry g = raster.grid();
            return new Facts(LayerKind.RASTER, g.crs().id(), new double[] {g.minX(), g.minY(), g.maxX(), g.maxY()},
                    raster.bands().size());
        }
        if (name.endsWith(".gpkg")) {
            return geoPackage(file);
        }
        PointTable points = PointLayers.read(file, new PointLayerOptions(null, null, null, crs), new Warnings());
        double[] bbox = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (int i = 0; i < points.size(); i++) {
            bbox[0] = Math.min(bbox[0], points.x()[i]);
            bbox[1] = Math.min(bbox[1], points.y()[i]);
            bbox[2] = Math.max(bbox[2], points.x()[i]);
            bbox[3] = Math.max(bbox[3], points.y()[i]);
        }
        return new Facts(LayerKind.VECTOR, points.crs().id(), bbox, points.size());
    }

    private static Facts geoPackage(Path file) {
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), false)) {
            if (gpkg.getFeatureTables().size() != 1) {
                throw new InvalidInputException("layer", file.getFileName() + ": a layer file must hold exactly one "
                        + "feature table, it has " + gpkg.getFeatureTables());
            }
            FeatureDao dao = gpkg.getFeatureDao(gpkg.getFeatureTables().get(0));
            BoundingBox box = dao.getBoundingBox();
            double[] bbox = box == null ? new double[] {0, 0, 0, 0}
                    : new double[] {box.getMinLongitude(), box.getMinLatitude(), box.getMaxLongitude(),
                    box.getMaxLatitude()};
            String crs = dao.getSrs().getOrganization() + ":" + dao.getSrs().getOrganizationCoordsysId();
            return new Facts(LayerKind.VECTOR, crs.toUpperCase(Locale.ROOT), bbox, dao.count());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("layer", file.getFileName() + ": not a readable GeoPackage: "
                    + e.getMessage(), e);
        }
    }
}
