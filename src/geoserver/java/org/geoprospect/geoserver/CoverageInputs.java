package org.geoprospect.geoserver;

import it.geosolutions.imageio.pam.PAMDataset;
import org.geoprospect.process.InputValue;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.platform.resource.Resource;
import org.geoserver.platform.resource.Resources;
import org.geotools.api.geometry.Bounds;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.referencing.CRS;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A grid that GeoServer hands over as a coverage, made into the GeoTIFF the engine reads with its band names
 * (elements), units and normalisation statistics:
 * <ol>
 *   <li>a whole catalog coverage published from a GeoTIFF (its name, grid and bands match) is read from that file
 *       itself, so every GDAL band item survives;</li>
 *   <li>otherwise GeoTools writes the values and georeference, and the band items come from the coverage's GDAL
 *       metadata (GeoTools keeps them from a GeoTIFF it read, e.g. one sent inline or another process's output);</li>
 *   <li>a coverage with neither keeps the names of its sample dimensions unless they are GeoTools' made-up ones
 *       ({@code GRAY_INDEX}, {@code Band1}): then the engine names the bands {@code band1}, {@code band2}, … and
 *       marks them so; elements must then be given by those names, and no normalisation is known.</li>
 * </ol>
 */
final class CoverageInputs {
    private static final Pattern MADE_UP = Pattern.compile("(?i)band[_ ]?\\d+|gray_index|red_band|green_band"
            + "|blue_band|alpha_band|undefined");

    private CoverageInputs() {
    }

    static InputValue of(GridCoverage2D coverage, Catalog catalog, Path target) throws IOException {
        Optional<Path> published = catalogFile(coverage, catalog);
        if (published.isPresent()) {
            return new InputValue.File(published.get());
        }
        Files.createDirectories(target.getParent());
        File file = new File(target + "-geotools.tif");
        GeoTiffWriter writer = new GeoTiffWriter(file);
        try {
            writer.write(coverage, null);
        } finally {
            writer.dispose();
        }
        return new InputValue.Grid(file.toPath(), bandItems(coverage));
    }

    /** Per band, the GDAL items that the coverage carries, or its sample dimensions' real names. */
    static List<Map<String, String>> bandItems(GridCoverage2D coverage) {
        int n = coverage.getNumSampleDimensions();
        List<Map<String, String>> bands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bands.add(new LinkedHashMap<>());
        }
        if (coverage.getProperty(GridCoverage2DReader.PAM_DATASET) instanceof PAMDataset pam) {
            for (PAMDataset.PAMRasterBand band : pam.getPAMRasterBand()) {
                int index = band.getBand() == null ? -1 : band.getBand() - 1;
                if (index >= 0 && index < n && band.getMetadata() != null) {
                    band.getMetadata().getMDI().forEach(mdi -> bands.get(index).put(mdi.getKey(), mdi.getValue()));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            String name = coverage.getSampleDimension(i).getDescription().toString();
            if (!bands.get(i).containsKey("DESCRIPTION") && !MADE_UP.matcher(name).matches()) {
                bands.get(i).put("DESCRIPTION", name);
            }
        }
        return bands;
    }

    private static Optional<Path> catalogFile(GridCoverage2D coverage, Catalog catalog) {
        if (catalog == null) {
            return Optional.empty();
        }
        String name = coverage.getName().toString();
        for (CoverageInfo info : catalog.getCoverages()) {
            CoverageStoreInfo store = info.getStore();
            if (store == null || !"GeoTIFF".equals(store.getType()) || store.getURL() == null
                    || !(name.equals(info.getName()) || name.equals(info.getNativeCoverageName())
                    || name.equals(info.getNativeName()) || name.equals(info.prefixedName()))
                    || !sameGrid(info, coverage)) {
                continue;
            }
            Resource r = Resources.fromURL(org.geoserver.platform.resource.Files.asResource(
                    catalog.getResourceLoader().getBaseDirectory()), store.getURL());
            File file = r == null ? null : r.file();
            if (file != null && file.isFile()) {
                return Optional.of(file.toPath());
            }
        }
        return Optional.empty();
    }

    private static boolean sameGrid(CoverageInfo info, GridCoverage2D coverage) {
        if (info.getGrid() == null || info.getDimensions() == null
                || info.getDimensions().size() != coverage.getNumSampleDimensions()
                || info.getNativeCRS() == null
                || !CRS.equalsIgnoreMetadata(info.getNativeCRS(), coverage.getCoordinateReferenceSystem())) {
            return false;
        }
        var range = info.getGrid().getGridRange();
        var own = coverage.getGridGeometry().getGridRange2D();
        if (range.getSpan(0) != own.width || range.getSpan(1) != own.height) {
            return false;
        }
        Bounds a = info.getNativeBoundingBox();
        Bounds b = coverage.getEnvelope();
        double tolerance = 0.5 * Math.min(b.getSpan(0) / own.width, b.getSpan(1) / own.height);
        for (int d = 0; d < 2; d++) {
            if (Math.abs(a.getMinimum(d) - b.getMinimum(d)) > tolerance
                    || Math.abs(a.getMaximum(d) - b.getMaximum(d)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
