package org.geoprospect.geoserver;

import it.geosolutions.imageio.pam.PAMDataset;
import org.geoprospect.process.InputValue;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValue;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.io.GridCoverage2DReader;
import org.geotools.coverage.util.CoverageUtilities;
import org.geotools.gce.geotiff.GeoTiffFormat;
import org.geotools.gce.geotiff.GeoTiffWriter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A grid that GeoServer hands over as a coverage, made into the GeoTIFF the engine reads, with its band names
 * (elements), units and normalisation statistics:
 * <ol>
 *   <li>a coverage GeoTools read from a GeoTIFF (a catalog coverage through GeoServer's WCS, one sent inline or by
 *       URL, another process's output) keeps the file's per-band GDAL metadata: GeoTools writes the values and
 *       georeference, the engine writes those items back;</li>
 *   <li>a coverage without them keeps the names of its sample dimensions (those an administrator gave the bands in
 *       GeoServer's coverage settings) unless they are GeoTools' made-up ones ({@code GRAY_INDEX}, {@code Band1}):
 *       then the engine names the bands {@code band1}, {@code band2}, … and marks them so; elements must then be
 *       given by those names, and no normalisation is known.</li>
 * </ol>
 * The coverage's own values always go: a published file is never read in its place.
 */
final class CoverageInputs {
    private static final Pattern MADE_UP = Pattern.compile("(?i)band[_ ]?\\d+|gray_index|red_band|green_band"
            + "|blue_band|alpha_band|undefined");

    private CoverageInputs() {
    }

    static InputValue of(GridCoverage2D coverage, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        File file = new File(target + "-coverage.tif");
        // GeoTools would otherwise invent a nodata value (0 for integer grids) where the coverage declares none
        ParameterValue<Boolean> nodata = GeoTiffFormat.WRITE_NODATA.createValue();
        nodata.setValue(CoverageUtilities.getNoDataProperty(coverage) != null);
        GeoTiffWriter writer = new GeoTiffWriter(file);
        try {
            writer.write(coverage, new GeneralParameterValue[] {nodata});
        } finally {
            writer.dispose();
        }
        return new InputValue.Grid(file.toPath(), bandItems(coverage));
    }

    /** Per band, the GDAL items that the coverage carries, else its sample dimensions' real names. */
    static List<Map<String, String>> bandItems(GridCoverage2D coverage) {
        int n = coverage.getNumSampleDimensions();
        List<Map<String, String>> bands = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bands.add(new LinkedHashMap<>());
        }
        // items of the file GeoTools read, unless the coverage is a subset of its bands (a WCS range subset)
        if (coverage.getProperty(GridCoverage2DReader.PAM_DATASET) instanceof PAMDataset pam
                && pam.getPAMRasterBand().size() == n) {
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
}
