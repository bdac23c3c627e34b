package org.geoprospect.geoserver;

import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessResult;
import org.geoserver.platform.resource.Files;
import org.geoserver.wps.process.AbstractRawData;
import org.geoserver.wps.process.ResourceRawData;
import org.geotools.api.data.DataStore;
import org.geotools.coverage.GridSampleDimension;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.data.collection.ListFeatureCollection;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.geopkg.GeoPkgDataStoreFactory;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process's typed result in GeoServer's types: GeoTIFF outputs as coverages (read into memory, their sample
 * dimensions named after the bands, GDAL band items kept as the coverage's metadata so a chained process gets them
 * back), the targets GeoPackage as a feature collection in the grid's CRS, other files as raw data in their media
 * type, literals as numbers or text.
 */
final class ResultOutputs {
    private ResultOutputs() {
    }

    static Map<String, Object> of(ProcessDescription d, ProcessResult result) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (OutputDescription o : d.outputs()) {
            Object value = result.outputs().get(o.identifier());
            if (value == null) {
                continue;
            }
            if (!(value instanceof Path file)) {
                out.put(o.identifier(), literal(ProcessParameters.literalType(o.dataType()), value));
                continue;
            }
            Class<?> type = ProcessParameters.type(o.formats());
            if (type == GridCoverage2D.class) {
                out.put(o.identifier(), coverage(file));
            } else if (type == SimpleFeatureCollection.class) {
                out.put(o.identifier(), features(file));
            } else {
                String mime = o.formats().isEmpty() ? AbstractRawData.BINARY_MIME : o.formats().get(0).mimeType();
                String name = file.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "bin";
                out.put(o.identifier(), new ResourceRawData(Files.asResource(file.toFile()), mime, ext));
            }
        }
        return out;
    }

    private static Object literal(Class<?> type, Object value) {
        if (type == Double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type == Integer.class && value instanceof Number n) {
            return n.intValue();
        }
        return type == String.class ? value.toString() : value;
    }

    static GridCoverage2D coverage(Path file) throws IOException {
        GeoTiffReader reader = new GeoTiffReader(file.toFile());
        try {
            GridCoverage2D read = reader.read(null);
            List<Map<String, String>> items = CoverageInputs.bandItems(read);
            GridSampleDimension[] dimensions = new GridSampleDimension[read.getNumSampleDimensions()];
            for (int i = 0; i < dimensions.length; i++) {
                String name = items.get(i).getOrDefault("DESCRIPTION", "band" + (i + 1));
                dimensions[i] = new GridSampleDimension(name);
            }
            WritableRaster raster = read.getRenderedImage().copyData(null); // one copy, then the file may go
            Map<Object, Object> properties = new HashMap<>(read.getProperties());
            String name = file.getFileName().toString().replaceFirst("\\.tiff?$", "");
            BufferedImage image = new BufferedImage(read.getRenderedImage().getColorModel(), raster, false, null);
            return new GridCoverageFactory().create(name, image, read.getEnvelope(), dimensions, null, properties);
        } finally {
            reader.dispose();
        }
    }

    static SimpleFeatureCollection features(Path gpkg) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put(GeoPkgDataStoreFactory.DBTYPE.key, "geopkg");
        params.put(GeoPkgDataStoreFactory.DATABASE.key, gpkg.toFile());
        params.put(GeoPkgDataStoreFactory.READ_ONLY.key, true);
        DataStore store = new GeoPkgDataStoreFactory().createDataStore(params);
        try {
            SimpleFeatureSource source = store.getFeatureSource(store.getTypeNames()[0]);
            ListFeatureCollection list = new ListFeatureCollection(source.getSchema());
            try (SimpleFeatureIterator it = source.getFeatures().features()) {
                while (it.hasNext()) {
                    list.add(it.next());
                }
            }
            return list;
        } finally {
            store.dispose();
        }
    }
}
