package org.geoprospect.predict;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes exploration targets as an OGC GeoPackage (1.4, written with NGA's GeoPackage library) holding one feature
 * table. A reader (GDAL, QGIS) gets a layer, {@code targets} unless named otherwise, with the geometry column
 * {@code geom} of type POLYGON in the grid's CRS and the fields {@code id}, {@code rank} (INTEGER), {@code status}
 * ({@code known} / {@code new}), {@code tiles} (TEXT: tile numbers separated by commas, NULL for dense prediction),
 * {@code mean_prob}, {@code max_prob}, {@code prob_sd} (NULL for a model of one member), {@code area_km2} (REAL),
 * {@code deposits} (known deposits inside) and {@code cells} (INTEGER); the primary key is {@code fid}. Its {@code gpkg_contents} row carries a description and
 * the extent of all targets (none for an empty list, which still gives a valid, empty layer).
 * <p>
 * The CRS is recorded under its EPSG code (srs_id = organization_coordsys_id = the code, definition = its OGC WKT 1,
 * or {@code undefined} where proj4j's EPSG database holds no WKT for it). A CRS without an EPSG code is recorded as
 * the GeoPackage's undefined Cartesian (srs_id -1) or, when geographic, undefined geographic (srs_id 0) system,
 * since such a CRS has no WKT to write: a reader then has to be told the CRS.
 * <p>
 * The file is published atomically and replaces an existing one: a reader never sees half a file, and a failure
 * leaves no file behind. The file name should end in {@code .gpkg}, as the standard asks; it is not checked.
 * Thread-safe (no state).
 */
public final class TargetGeoPackage {
    /** The layer name when none is given. */
    public static final String DEFAULT_LAYER = "targets";

    private static final String GEOMETRY_COLUMN = "geom";
    private static final String PRIMARY_KEY = "fid";
    private static final String DESCRIPTION = "exploration targets: favourable areas ranked by mean ore probability,"
            + " status known (holds a known deposit) or new";
    private static final long UNDEFINED_CARTESIAN = -1;
    private static final long UNDEFINED_GEOGRAPHIC = 0;

    private TargetGeoPackage() {
    }

    /** Writes the targets to the layer {@value #DEFAULT_LAYER}; see {@link #write(List, Crs, Path, String)}. */
    public static void write(List<Target> targets, Crs crs, Path file) {
        write(targets, crs, file, DEFAULT_LAYER);
    }

    /**
     * Writes the targets, whose geometries are in {@code crs}, to a new GeoPackage {@code file} with one layer.
     *
     * @param layer the feature table's name: letters, digits and underscores, starting with a letter, not
     *              {@code gpkg_…} (names reserved by the standard)
     * @throws InvalidInputException    when the layer name is not such a name
     * @throws ExecutionFailedException when the file cannot be written, naming it
     */
    public static void write(List<Target> targets, Crs crs, Path file, String layer) {
        if (!layer.matches("[A-Za-z][A-Za-z0-9_]*") || layer.regionMatches(true, 0, "gpkg_", 0, 5)) {
            throw new InvalidInputException("layer", "layer name '" + layer
                    + "': use letters, digits and underscores, starting with a letter and not with gpkg_");
        }
        try {
            AtomicFile.write(file, ".gpkg", temp -> create(temp, targets, crs, layer));
        } catch (IOException | GeoPackageException e) {
            throw new ExecutionFailedException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path temp, List<Target> targets, Crs crs, String layer) throws IOException {
        GeoPackageManager.create(temp.toFile());
        try (GeoPackage gpkg = GeoPackageManager.open(temp.toFile())) {
            long srsId = spatialReferenceSystem(gpkg, crs);
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName(layer);
            geometry.setColumnName(GEOMETRY_COLUMN);
            geometry.setGeometryType(GeometryType.POLYGON);
            geometry.setSrsId(srsId);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            Contents contents = gpkg.createFeatureTable(
                    FeatureTableMetadata.create(geometry, PRIMARY_KEY, columns(), extent(targets))).getContents();
            contents.setDescription(DESCRIPTION);
            gpkg.getContentsDao().update(contents);
            insert(gpkg.getFeatureDao(layer), targets, srsId);
            // optional in the standard, but GeoTools (so GeoServer) cannot open a read-only GeoPackage without it
            gpkg.createExtensionsTable();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The srs_id to use for {@code crs}, inserting its row unless the GeoPackage already has it (4326, -1, 0). */
    private static long spatialReferenceSystem(GeoPackage gpkg, Crs crs) throws SQLException {
        if (crs.epsgCode().isEmpty()) {
            return crs.isGeographic() ? UNDEFINED_GEOGRAPHIC : UNDEFINED_CARTESIAN;
        }
        int code = crs.epsgCode().getAsInt();
        SpatialReferenceSystemDao dao = gpkg.getSpatialReferenceSystemDao();
        if (dao.queryForId((long) code) == null) {
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(crs.name());
            srs.setSrsId(code);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(code);
            srs.setDefinition(crs.wkt().orElse("undefined"));
            dao.create(srs);
        }
        return code;
    }

    private static List<FeatureColumn> columns() {
        return List.of(
                FeatureColumn.createColumn(TargetFields.ID, GeoPackageDataType.INTEGER),
                FeatureColumn.createColumn(TargetFields.RANK, GeoPackageDataType.INTEGER),
                FeatureColumn.createColumn(TargetFields.STATUS, GeoPackageDataType.TEXT),
                FeatureColumn.createColumn(TargetFields.TILES, GeoPackageDataType.TEXT),
                FeatureColumn.createColumn(TargetFields.MEAN_PROBABILITY, GeoPackageDataType.REAL),
                FeatureColumn.createColumn(TargetFields.MAX_PROBABILITY, GeoPackageDataType.REAL),
                FeatureColumn.createColumn(TargetFields.PROBABILITY_SD, GeoPackageDataType.REAL),
                FeatureColumn.createColumn(TargetFields.AREA_KM2, GeoPackageDataType.REAL),
                FeatureColumn.createColumn(TargetFields.DEPOSITS, GeoPackageDataType.INTEGER),
                FeatureColumn.createColumn(TargetFields.CELLS, GeoPackageDataType.INTEGER));
    }

    /** The bounds of all targets; {@code null} (no extent in gpkg_contents) for none. */
    private static BoundingBox extent(List<Target> targets) {
        if (targets.isEmpty()) {
            return null;
        }
        Envelope e = new Envelope();
        targets.forEach(t -> e.expandToInclude(t.geometry().getEnvelopeInternal()));
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    private static void insert(FeatureDao dao, List<Target> targets, long srsId) throws IOException {
        WKBWriter wkb = new WKBWriter();
        // one transaction: SQLite would otherwise sync the file once per row
        dao.beginTransaction();
        for (Target t : targets) {
            FeatureRow row = dao.newRow();
            row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb.write(t.geometry())));
            row.setValue(TargetFields.ID, (long) t.id());
            row.setValue(TargetFields.RANK, (long) t.rank());
            row.setValue(TargetFields.STATUS, t.status());
            row.setValue(TargetFields.TILES, t.tiles().isEmpty() ? null
                    : t.tiles().stream().map(String::valueOf).collect(Collectors.joining(",")));
            row.setValue(TargetFields.MEAN_PROBABILITY, t.meanProbability());
            row.setValue(TargetFields.MAX_PROBABILITY, t.maxProbability());
            row.setValue(TargetFields.PROBABILITY_SD, Double.isNaN(t.probabilitySd()) ? null : t.probabilitySd());
            row.setValue(TargetFields.AREA_KM2, t.areaKm2());
            row.setValue(TargetFields.DEPOSITS, (long) t.knownDeposits());
            row.setValue(TargetFields.CELLS, (long) t.cells());
            dao.insert(row);
        }
        dao.endTransaction();
    }
}
