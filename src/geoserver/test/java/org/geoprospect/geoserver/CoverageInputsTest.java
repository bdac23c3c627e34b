package org.geoprospect.geoserver;

import org.geotools.coverage.GridSampleDimension;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a coverage without GDAL metadata tells the engine about its bands. */
class CoverageInputsTest {
    private static GridCoverage2D coverage(String... names) {
        WritableRaster raster = java.awt.image.Raster.createBandedRaster(DataBuffer.TYPE_BYTE, 4, 3, names.length,
                null);
        var cm = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
                names.length == 1 ? java.awt.color.ColorSpace.CS_GRAY : java.awt.color.ColorSpace.CS_sRGB), false,
                false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        GridSampleDimension[] dims = new GridSampleDimension[names.length];
        for (int i = 0; i < names.length; i++) {
            dims[i] = new GridSampleDimension(names[i]);
        }
        return new GridCoverageFactory().create("c", new BufferedImage(cm, raster, false, null),
                new ReferencedEnvelope(0, 4, 0, 3, DefaultGeographicCRS.WGS84), dims, null, null);
    }

    @Test
    void realSampleDimensionNamesBecomeBandNames() {
        assertEquals(List.of(Map.of("DESCRIPTION", "Au_ppb"), Map.of("DESCRIPTION", "As_ppm"),
                Map.of("DESCRIPTION", "Cu_ppm")), CoverageInputs.bandItems(coverage("Au_ppb", "As_ppm", "Cu_ppm")));
    }

    @Test
    void geoToolsMadeUpNamesAreNotElements() {
        assertEquals(List.of(Map.of()), CoverageInputs.bandItems(coverage("GRAY_INDEX")));
        assertEquals(List.of(Map.of(), Map.of(), Map.of()), CoverageInputs.bandItems(coverage("Band1", "Band2",
                "RED_BAND")));
    }
}
