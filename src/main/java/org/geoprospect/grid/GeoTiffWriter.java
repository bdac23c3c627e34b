package org.geoprospect.grid;

import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Raster} as a float32 GeoTIFF that GDAL and QGIS read with its CRS, georeferencing, nodata, band
 * names, units and metadata: band-sequential strips (PlanarConfiguration 2, so one band is read without touching the
 * others and GDAL reads the whole file faster than pixel-interleaved), optionally DEFLATE-compressed.
 * <ul>
 *   <li>GeoTIFF: ModelPixelScale, ModelTiepoint (raster (0, 0) = (minX, maxY)), GeoKeys GTModelTypeGeoKey,
 *       GTRasterTypeGeoKey = PixelIsArea, ProjectedCSTypeGeoKey or GeographicTypeGeoKey and GTCitationGeoKey.</li>
 *   <li>GDAL: GDAL_NODATA (NaN cells are written as the nodata value) and GDAL_METADATA (see
 *       {@link GdalMetadata}).</li>
 * </ul>
 * The file appears atomically: it is written to a temporary file in the same folder and moved into place, so a
 * reader never sees half a file. Immutable and thread-safe; the {@code opt*} methods return a changed copy.
 */
public final class GeoTiffWriter {
    private static final int TAG_IMAGE_WIDTH = 256;
    private static final int TAG_IMAGE_LENGTH = 257;
    private static final int TAG_BITS_PER_SAMPLE = 258;
    private static final int TAG_COMPRESSION = 259;
    private static final int TAG_PHOTOMETRIC = 262;
    private static final int TAG_SAMPLES_PER_PIXEL = 277;
    private static final int TAG_ROWS_PER_STRIP = 278;
    private static final int TAG_PLANAR_CONFIGURATION = 284;
    private static final int TAG_EXTRA_SAMPLES = 338;
    private static final int TAG_SAMPLE_FORMAT = 339;
    private static final int TAG_MODEL_PIXEL_SCALE = 33550;
    private static final int TAG_MODEL_TIEPOINT = 33922;
    private static final int TAG_GDAL_METADATA = 42112;
    private static final int TAG_GDAL_NODATA = 42113;
    private static final int PHOTOMETRIC_BLACK_IS_ZERO = 1;
    private static final int PLANAR_BANDS = 2;
    private static final int SAMPLE_FORMAT_FLOAT = 3;
    /** About 256 KiB per strip: few enough strips for fast reads, small enough to stream. */
    private static final int STRIP_BYTES = 256 * 1024;

    private final boolean deflate;
    private final float noData;

    private GeoTiffWriter(boolean deflate, float noData) {
        this.deflate = deflate;
        this.noData = noData;
    }

    /** Uncompressed, nodata −9999. */
    public GeoTiffWriter() {
        this(false, -9999f);
    }

    /** DEFLATE-compress the strips: smaller files, slower writes and reads. */
    public GeoTiffWriter optDeflate(boolean deflate) {
        return new GeoTiffWriter(deflate, noData);
    }

    /** The value NaN cells are written as (GDAL_NODATA); it must not occur as a real value in the bands. */
    public GeoTiffWriter optNoData(float noData) {
        if (Float.isNaN(noData)) {
            throw new InvalidInputException("noData", "nodata must be a number; NaN cells are written as it");
        }
        return new GeoTiffWriter(deflate, noData);
    }

    /**
     * Writes the raster to {@code file}, replacing it if it exists.
     *
     * @throws InvalidInputException when the CRS has no EPSG code or the raster has no bands
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    public void write(Raster raster, Path file) {
        List<TiffField> fields = fields(raster);
        try {
            AtomicFile.write(file, temp -> {
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW)) {
                    TiffStripWriter.write(out, fields, new BandStrips(raster, noData), deflate);
                }
            });
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write GeoTIFF " + file + ": " + e.getMessage(), e);
        }
    }

    private List<TiffField> fields(Raster raster) {
        GridGeometry grid = raster.grid();
        int bands = raster.bands().size();
        if (bands == 0) {
            throw new InvalidInputException("grid", "a raster without bands cannot be written as a GeoTIFF");
        }
        List<TiffField> fields = new ArrayList<>();
        fields.add(TiffField.longs(TAG_IMAGE_WIDTH, grid.width()));
        fields.add(TiffField.longs(TAG_IMAGE_LENGTH, grid.height()));
        fields.add(TiffField.shorts(TAG_BITS_PER_SAMPLE, repeat(32, bands)));
        fields.add(TiffField.shorts(TAG_COMPRESSION,
                deflate ? TiffStripWriter.COMPRESSION_DEFLATE : TiffStripWriter.COMPRESSION_NONE));
        fields.add(TiffField.shorts(TAG_PHOTOMETRIC, PHOTOMETRIC_BLACK_IS_ZERO));
        fields.add(TiffField.shorts(TAG_SAMPLES_PER_PIXEL, bands));
        fields.add(TiffField.longs(TAG_ROWS_PER_STRIP, BandStrips.rowsPerStrip(grid)));
        fields.add(TiffField.shorts(TAG_PLANAR_CONFIGURATION, PLANAR_BANDS));
        if (bands > 1) {
            // Unspecified extra samples: without them GDAL warns that the photometric channels do not add up.
            fields.add(TiffField.shorts(TAG_EXTRA_SAMPLES, repeat(0, bands - 1)));
        }
        fields.add(TiffField.shorts(TAG_SAMPLE_FORMAT, repeat(SAMPLE_FORMAT_FLOAT, bands)));
        fields.add(TiffField.doubles(TAG_MODEL_PIXEL_SCALE, grid.cellWidth(), grid.cellHeight(), 0));
        fields.add(TiffField.doubles(TAG_MODEL_TIEPOINT, 0, 0, 0, grid.minX(), grid.maxY(), 0));
        fields.addAll(GeoKeys.encode(geoKeys(grid.crs())));
        fields.add(TiffField.ascii(TAG_GDAL_METADATA, GdalMetadata.toXml(raster.metadata(), raster.bands())));
        fields.add(TiffField.ascii(TAG_GDAL_NODATA, noDataText()));
        return fields;
    }

    private static Map<Integer, Object> geoKeys(Crs crs) {
        if (crs.epsgCode().isEmpty()) {
            throw new InvalidInputException("crs", "the output grid needs a CRS with an EPSG code for its GeoTIFF, but "
                    + crs.name() + " has none; choose the grid CRS by EPSG code (e.g. EPSG:3067)");
        }
        Map<Integer, Object> keys = new LinkedHashMap<>();
        keys.put(GeoKeys.GTModelTypeGeoKey,
                crs.isGeographic() ? GeoKeys.ModelTypeGeographic : GeoKeys.ModelTypeProjected);
        keys.put(GeoKeys.GTRasterTypeGeoKey, GeoKeys.RasterPixelIsArea);
        keys.put(GeoKeys.GTCitationGeoKey, crs.name());
        keys.put(crs.isGeographic() ? GeoKeys.GeographicTypeGeoKey : GeoKeys.ProjectedCSTypeGeoKey,
                crs.epsgCode().getAsInt());
        return keys;
    }

    /** Integral nodata as GDAL writes it ("-9999", not "-9999.0"), else the shortest text of the float. */
    private String noDataText() {
        return noData == Math.rint(noData) && Math.abs(noData) < 1e15 ? Long.toString((long) noData)
                : Float.toString(noData);
    }

    private static int[] repeat(int value, int times) {
        return Collections.nCopies(times, value).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Band 1's strips top to bottom, then band 2's, …, as PlanarConfiguration 2 orders them; NaN → nodata. */
    private static final class BandStrips implements TiffStripWriter.Strips {
        private final Raster raster;
        private final float noData;
        private final int rowsPerStrip;
        private final int stripsPerBand;
        private final ByteBuffer buffer;

        BandStrips(Raster raster, float noData) {
            GridGeometry grid = raster.grid();
            this.raster = raster;
            this.noData = noData;
            this.rowsPerStrip = rowsPerStrip(grid);
            this.stripsPerBand = (grid.height() + rowsPerStrip - 1) / rowsPerStrip;
            int bytes = Math.toIntExact((long) rowsPerStrip * grid.width() * Float.BYTES);
            this.buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        static int rowsPerStrip(GridGeometry grid) {
            return Math.max(1, Math.min(grid.height(), STRIP_BYTES / (grid.width() * Float.BYTES)));
        }

        @Override
        public int count() {
            return stripsPerBand * raster.bands().size();
        }

        @Override
        public ByteBuffer strip(int index) {
            int width = raster.grid().width();
            int firstRow = (index % stripsPerBand) * rowsPerStrip;
            int rows = Math.min(rowsPerStrip, raster.grid().height() - firstRow);
            float[] data = raster.bands().get(index / stripsPerBand).data();
            FloatBuffer floats = buffer.clear().asFloatBuffer();
            for (int i = firstRow * width, end = (firstRow + rows) * width; i < end; i++) {
                float v = data[i];
                floats.put(Float.isNaN(v) ? noData : v);
            }
            return buffer.limit(rows * width * Float.BYTES);
        }
    }
}
