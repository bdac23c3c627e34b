package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GeoTIFFs written by GDAL read back with the values, nodata and georeferencing GDAL was given. The source is a VRT
 * over raw float64 bands, so the expected values are known exactly; {@code gdal_translate} makes the variants.
 */
class GeoTiffReaderGdalFilesTest {
    private static final int WIDTH = 37;
    private static final int HEIGHT = 23;
    private static final int BANDS = 3;
    private static final double NO_DATA = 0;
    private static final GridGeometry GRID = new GridGeometry(Crs.epsg(3067), 350000, 7000000, 100, 50, WIDTH, HEIGHT);

    @TempDir
    Path dir;

    @BeforeAll
    static void gdal() {
        Gdal.assumeInstalled();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
            "Float32;",
            "Float32;-co COMPRESS=DEFLATE",
            "Float32;-co COMPRESS=LZW",
            "Float32;-co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16",
            "Float32;-co INTERLEAVE=BAND",
            "Float32;-co INTERLEAVE=PIXEL -co COMPRESS=DEFLATE",
            "Float32;-co COMPRESS=DEFLATE -co PREDICTOR=3",
            "Float64;-co TILED=YES -co COMPRESS=DEFLATE -co INTERLEAVE=BAND",
            "Int16;-co COMPRESS=LZW -co PREDICTOR=2",
            "Int16;-co COMPRESS=PACKBITS",
            "Byte;-co TILED=YES"})
    void readsGdalVariants(String type, String options) throws Exception {
        boolean integral = !type.startsWith("Float");
        Path file = gdalTranslate(source(GRID, integral, ""), "-ot " + type + " " + (options == null ? "" : options));

        Raster raster = new GeoTiffReader().read(file);

        assertEquals(GRID, raster.grid());
        assertEquals(List.of("band1", "band2", "band3"), raster.bandNames());
        assertEquals("true", raster.metadata().get(GeoTiffReader.BAND_NAMES_DEFAULTED));
        for (int b = 0; b < BANDS; b++) {
            assertArrayEquals(expected(b, integral), raster.bands().get(b).data(), "band " + (b + 1));
        }
    }

    @Test
    void pixelIsPointIsShiftedHalfACellAsGdalDoes() throws Exception {
        Path file = gdalTranslate(source(GRID, false, ""), "-mo AREA_OR_POINT=Point");

        Raster raster = new GeoTiffReader().read(file);

        assertEquals("Point", Gdal.info(file).at("/metadata//AREA_OR_POINT").asText());
        assertArrayEquals(gdalGeoTransform(file), raster.grid().geoTransform());
        assertEquals(GRID, raster.grid());
    }

    @Test
    void readsGeographicGrid() throws Exception {
        GridGeometry geographic = new GridGeometry(Crs.epsg(4326), 21.5, 64.25, 0.02, 0.01, WIDTH, HEIGHT);
        Raster raster = new GeoTiffReader().read(gdalTranslate(source(geographic, false, ""), ""));
        assertEquals(geographic, raster.grid());
        assertArrayEquals(expected(1, false), raster.bands().get(1).data());
    }

    @Test
    void readsBandDescriptionsUnitsAndMetadataThatGdalWrote() throws Exception {
        String bandExtras = "<Description>Cu &amp; Au</Description><UnitType>ppm</UnitType>"
                + "<Metadata><MDI key=\"source_column\">cu_ppm &lt;raw&gt;</MDI></Metadata>";
        Raster raster = new GeoTiffReader().read(gdalTranslate(source(GRID, false, bandExtras), "-mo method=idw"));

        assertEquals(List.of("Cu & Au", "Cu & Au", "Cu & Au"), raster.bandNames());
        assertEquals(Map.of("unit", "ppm", "source_column", "cu_ppm <raw>"), raster.bands().get(2).metadata());
        assertEquals("idw", raster.metadata().get("method"));
        assertFalse(raster.metadata().containsKey(GeoTiffReader.BAND_NAMES_DEFAULTED));
    }

    @Test
    void readsGdalGridOutputAsGdalReadsIt() throws Exception {
        StringBuilder csv = new StringBuilder("x,y,cu\n");
        for (int i = 0; i < 25; i++) {
            csv.append(350000 + (i * 397) % 2000).append(',').append(7000000 + (i * 211) % 1000).append(',')
                    .append(10 + i * 1.5).append('\n');
        }
        Files.writeString(dir.resolve("pts.csv"), csv);
        Files.writeString(dir.resolve("pts.vrt"), "<OGRVRTDataSource><OGRVRTLayer name=\"pts\">"
                + "<SrcDataSource relativeToVRT=\"1\">pts.csv</SrcDataSource><GeometryType>wkbPoint</GeometryType>"
                + "<LayerSRS>EPSG:3067</LayerSRS><GeometryField encoding=\"PointFromColumns\" x=\"x\" y=\"y\" z=\"cu\"/>"
                + "</OGRVRTLayer></OGRVRTDataSource>");
        Path file = dir.resolve("idw.tif");
        Gdal.run(dir, "gdal_grid", "-q", "-a", "invdist:power=2.0", "-txe", "350000", "352000", "-tye", "7000000",
                "7001000", "-outsize", "40", "20", "-ot", "Float32", "-l", "pts", "pts.vrt", file.toString());

        Raster raster = new GeoTiffReader().read(file);

        assertEquals(3067, raster.grid().crs().epsgCode().getAsInt());
        assertArrayEquals(gdalGeoTransform(file), raster.grid().geoTransform());
        assertArrayEquals(Gdal.values(file).get(0), raster.bands().get(0).data());
    }

    @Test
    void refusesUserDefinedCrsAndSaysHowToFixIt() throws Exception {
        String tmerc = "+proj=tmerc +lat_0=0 +lon_0=27.123 +k=0.9996 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m";
        Path file = gdalTranslate(source(GRID, false, ""), "-a_srs", tmerc);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GeoTiffReader().read(file));
        assertEquals("grid", e.input());
        assertTrue(e.getMessage().contains("gdalwarp") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void refusesRotatedGrid() throws Exception {
        Path vrt = source(GRID, false, "");
        Files.writeString(vrt, Files.readString(vrt).replaceFirst("<GeoTransform>[^<]*</GeoTransform>",
                "<GeoTransform>350000, 100, 5, 7000000, 5, -50</GeoTransform>"));
        Path file = gdalTranslate(vrt, "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GeoTiffReader().read(file));
        assertTrue(e.getMessage().contains("rotated"), e.getMessage());
    }

    /** Band b's values: integers 1…200 (fractions .25 for float types), nodata in every seventh cell. */
    private static double value(int b, int i, boolean integral) {
        return i % 7 == 3 ? NO_DATA : 1 + (i * 13 + b * 37) % 200 + (integral ? 0 : 0.25);
    }

    private static float[] expected(int b, boolean integral) {
        float[] values = new float[WIDTH * HEIGHT];
        for (int i = 0; i < values.length; i++) {
            double v = value(b, i, integral);
            values[i] = v == NO_DATA ? Float.NaN : (float) v;
        }
        return values;
    }

    /** A VRT over raw little-endian float64 bands with the grid's georeferencing and nodata. */
    private Path source(GridGeometry grid, boolean integral, String bandExtras) throws Exception {
        StringBuilder vrt = new StringBuilder("<VRTDataset rasterXSize=\"" + grid.width() + "\" rasterYSize=\""
                + grid.height() + "\"><SRS>EPSG:" + grid.crs().epsgCode().getAsInt() + "</SRS><GeoTransform>"
                + Arrays.toString(grid.geoTransform()).replaceAll("[\\[\\]]", "") + "</GeoTransform>");
        for (int b = 0; b < BANDS; b++) {
            ByteBuffer raw = ByteBuffer.allocate(WIDTH * HEIGHT * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < WIDTH * HEIGHT; i++) {
                raw.putDouble(value(b, i, integral));
            }
            Files.write(dir.resolve("b" + b + ".raw"), raw.array());
            vrt.append("<VRTRasterBand dataType=\"Float64\" band=\"").append(b + 1)
                    .append("\" subClass=\"VRTRawRasterBand\">").append(bandExtras)
                    .append("<NoDataValue>").append(NO_DATA).append("</NoDataValue>")
                    .append("<SourceFilename relativeToVRT=\"1\">b").append(b).append(".raw</SourceFilename>")
                    .append("<ImageOffset>0</ImageOffset><PixelOffset>8</PixelOffset><LineOffset>")
                    .append(WIDTH * 8).append("</LineOffset><ByteOrder>LSB</ByteOrder></VRTRasterBand>");
        }
        Path file = dir.resolve("source.vrt");
        Files.writeString(file, vrt.append("</VRTDataset>"));
        return file;
    }

    private Path gdalTranslate(Path source, String options, String... more) throws Exception {
        Path out = dir.resolve("out.tif");
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "GTiff"));
        if (!options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        command.addAll(List.of(more));
        command.addAll(List.of(source.toString(), out.toString()));
        Gdal.run(dir, command.toArray(String[]::new));
        return out;
    }

    private static double[] gdalGeoTransform(Path file) throws Exception {
        double[] t = new double[6];
        for (int i = 0; i < 6; i++) {
            t[i] = Gdal.info(file).at("/geoTransform/" + i).asDouble();
        }
        return t;
    }
}
