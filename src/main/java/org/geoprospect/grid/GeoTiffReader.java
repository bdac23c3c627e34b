package org.geoprospect.grid;

import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.util.TiffException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the first image of a GeoTIFF into a {@link Raster}: files this project writes ({@link GeoTiffWriter}) and
 * GDAL's (strips or tiles, pixel- or band-interleaved, uncompressed, DEFLATE, LZW or PackBits, 8–64-bit integer or
 * float samples, converted to float32). Decoding is NGA tiff's; it holds the whole file in memory, so files are at
 * most 2 GiB.
 * <ul>
 *   <li>Geometry: see {@link GeoTiffGeoreference}. CRS: ProjectedCSTypeGeoKey or GeographicTypeGeoKey as an EPSG
 *       code; a user-defined CRS is refused, telling the user to reproject to an EPSG CRS.</li>
 *   <li>Cells equal to GDAL_NODATA (compared in the file's sample type) become NaN.</li>
 *   <li>Band names, units, band and dataset metadata come from GDAL_METADATA ({@link GdalMetadata}). Bands without
 *       a description are named {@code band1}, {@code band2}, … and the dataset metadata then holds
 *       {@value #BAND_NAMES_DEFAULTED}{@code =true}, so later steps know the names are not element names.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class GeoTiffReader {
    /** Dataset metadata key set to {@code true} when some band names were made up. */
    public static final String BAND_NAMES_DEFAULTED = "band_names_defaulted";

    /**
     * @throws InvalidInputException for input {@code grid}, naming the file, when it is missing, not a TIFF, not
     *                               georeferenced in a way a north-up EPSG grid can hold, or undecodable
     */
    public Raster read(Path file) {
        FileDirectory image = open(file);
        try {
            Map<Integer, Object> keys = geoKeys(image);
            GridGeometry grid = GeoTiffGeoreference.grid(image, keys, crs(keys));
            int bandCount = image.getSamplesPerPixel();
            GdalMetadata gdal = GdalMetadata.parse(image.getStringEntryValue(FieldTagType.GDAL_METADATA), bandCount);
            Rasters rasters = image.readRasters();
            double noData = noData(image);
            Map<String, String> metadata = new LinkedHashMap<>(gdal.dataset());
            List<Band> bands = new ArrayList<>();
            for (int b = 0; b < bandCount; b++) {
                String name = gdal.descriptions().get(b);
                if (name == null || name.isBlank()) {
                    name = "band" + (b + 1);
                    metadata.put(BAND_NAMES_DEFAULTED, "true");
                }
                float[] data = toFloats(rasters.getSampleValues()[b], rasters.getFieldTypes()[b], noData);
                bands.add(new Band(name, gdal.bands().get(b), data));
            }
            return new Raster(grid, bands, metadata);
        } catch (TiffException | IllegalArgumentException | InvalidInputException e) {
            throw new InvalidInputException("grid", file + ": " + e.getMessage(), e);
        }
    }

    private static FileDirectory open(Path file) {
        try {
            return TiffReader.readTiff(file.toFile()).getFileDirectory();
        } catch (IOException | TiffException e) {
            throw new InvalidInputException("grid", file + ": cannot be read as a TIFF file (" + e.getMessage() + ")",
                    e);
        }
    }

    private static Map<Integer, Object> geoKeys(FileDirectory image) {
        List<Integer> directory = image.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        if (directory == null) {
            throw new IllegalArgumentException("the TIFF has no GeoKeyDirectory, so its CRS is unknown;"
                    + " assign one with gdal_translate -a_srs EPSG:<code>");
        }
        return GeoKeys.decode(directory, image.getStringEntryValue(FieldTagType.GeoAsciiParams));
    }

    private static Crs crs(Map<Integer, Object> keys) {
        Object model = keys.get(GeoKeys.GTModelTypeGeoKey);
        int key = Integer.valueOf(GeoKeys.ModelTypeGeographic).equals(model) ? GeoKeys.GeographicTypeGeoKey
                : GeoKeys.ProjectedCSTypeGeoKey;
        Object code = keys.get(key);
        if (!(code instanceof Integer epsg) || epsg == GeoKeys.UserDefined || epsg == 0) {
            throw new IllegalArgumentException("the GeoTIFF's CRS is user-defined, not an EPSG code (GTModelTypeGeoKey "
                    + model + "); reproject it to an EPSG CRS first, e.g. gdalwarp -t_srs EPSG:3067 in.tif out.tif");
        }
        return Crs.epsg(epsg);
    }

    private static double noData(FileDirectory image) {
        String text = image.getStringEntryValue(FieldTagType.GDAL_NODATA);
        return text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text.strip());
    }

    /** Samples as float32; nodata is compared in the sample type, as GDAL does (float32 −3.4e38 means −FLT_MAX). */
    private static float[] toFloats(ByteBuffer samples, FieldType type, double noData) {
        int size = type.getBytes();
        float[] out = new float[samples.capacity() / size];
        double noDataInType = type == FieldType.FLOAT ? (float) noData : noData;
        for (int i = 0; i < out.length; i++) {
            double v = switch (type) {
                case FLOAT -> samples.getFloat(i * size);
                case DOUBLE -> samples.getDouble(i * size);
                case BYTE -> samples.get(i * size) & 0xFF;
                case SBYTE -> samples.get(i * size);
                case SHORT -> samples.getShort(i * size) & 0xFFFF;
                case SSHORT -> samples.getShort(i * size);
                case LONG -> samples.getInt(i * size) & 0xFFFF_FFFFL;
                case SLONG -> samples.getInt(i * size);
                default -> throw new IllegalArgumentException("unsupported sample type " + type);
            };
            out[i] = v == noDataInType ? Float.NaN : (float) v;
        }
        return out;
    }
}
