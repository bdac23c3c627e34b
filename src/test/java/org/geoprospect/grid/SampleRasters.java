package org.geoprospect.grid;

import org.geoprospect.crs.Crs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small rasters with everything a GeoTIFF must carry: NaN cells, names, units, metadata that needs escaping. */
final class SampleRasters {
    private SampleRasters() {
    }

    static Raster of(int epsg, double minX, double maxY, double cellWidth, double cellHeight, int width, int height,
                     int bandCount) {
        GridGeometry grid = new GridGeometry(Crs.epsg(epsg), minX, maxY, cellWidth, cellHeight, width, height);
        List<Band> bands = new ArrayList<>();
        String[] elements = {"Cu", "Au", "As", "Zn"};
        for (int b = 0; b < bandCount; b++) {
            float[] data = new float[width * height];
            for (int i = 0; i < data.length; i++) {
                boolean noData = (i * 7 + b * 13) % 11 == 3 || i == data.length - 1;
                data[i] = noData ? Float.NaN : (float) Math.sin(i + b) * 1000.123f - b;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("unit", b == 0 ? "µg/g" : "ppm");
            metadata.put("source_column", elements[b % elements.length] + "_ppm & <raw> \"col\"");
            metadata.putAll(new Normalization("zscore", true, 1.25 + b, 0.5, -3.0, 4.0).toMetadata());
            bands.add(new Band(elements[b % elements.length] + (b < elements.length ? "" : "_" + b), metadata, data));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("method", "idw");
        metadata.put("power", "2.0");
        metadata.put("note", "Ä & <b>");
        return new Raster(grid, bands, metadata);
    }
}
