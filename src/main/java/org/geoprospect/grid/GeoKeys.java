package org.geoprospect.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GeoKeys this project reads and writes, and the GeoKeyDirectory encoding (OGC GeoTIFF 1.1, §7.1). Key names
 * keep the specification's spelling so that they can be looked up there. Values are {@link Integer} (SHORT keys)
 * or {@link String} (keys stored in GeoAsciiParams, without the {@code |} terminator).
 */
final class GeoKeys {
    static final int TAG_GEO_KEY_DIRECTORY = 34735;
    static final int TAG_GEO_ASCII_PARAMS = 34737;

    static final int GTModelTypeGeoKey = 1024;
    static final int GTRasterTypeGeoKey = 1025;
    static final int GTCitationGeoKey = 1026;
    static final int GeographicTypeGeoKey = 2048;
    static final int ProjectedCSTypeGeoKey = 3072;

    static final int ModelTypeProjected = 1;
    static final int ModelTypeGeographic = 2;
    static final int RasterPixelIsArea = 1;
    static final int RasterPixelIsPoint = 2;
    static final int UserDefined = 32767;

    private GeoKeys() {
    }

    /** The GeoKeyDirectory and GeoAsciiParams fields holding these keys. */
    static List<TiffField> encode(Map<Integer, Object> keys) {
        Map<Integer, Object> sorted = new TreeMap<>(keys); // the directory must be sorted by key id
        List<Integer> directory = new ArrayList<>(List.of(1, 1, 0, sorted.size()));
        StringBuilder ascii = new StringBuilder();
        for (Map.Entry<Integer, Object> key : sorted.entrySet()) {
            if (key.getValue() instanceof String text) {
                String stored = text.replace('|', '/') + '|';
                directory.addAll(List.of(key.getKey(), TAG_GEO_ASCII_PARAMS, stored.length(), ascii.length()));
                ascii.append(stored);
            } else {
                directory.addAll(List.of(key.getKey(), 0, 1, (Integer) key.getValue()));
            }
        }
        List<TiffField> fields = new ArrayList<>();
        fields.add(TiffField.shorts(TAG_GEO_KEY_DIRECTORY, directory.stream().mapToInt(Integer::intValue).toArray()));
        if (ascii.length() > 0) {
            fields.add(TiffField.ascii(TAG_GEO_ASCII_PARAMS, ascii.toString()));
        }
        return fields;
    }

    /**
     * The SHORT and ASCII keys of a GeoKeyDirectory; keys stored elsewhere (GeoDoubleParams) are left out because
     * nothing here needs them.
     *
     * @throws IllegalArgumentException when the directory is shorter than its header says
     */
    static Map<Integer, Object> decode(List<? extends Number> directory, String asciiParams) {
        Map<Integer, Object> keys = new LinkedHashMap<>();
        int count = directory.size() >= 4 ? directory.get(3).intValue() : -1;
        if (count < 0 || directory.size() < 4 + 4 * count) {
            throw new IllegalArgumentException("GeoKeyDirectory is truncated");
        }
        for (int i = 0; i < count; i++) {
            int id = directory.get(4 + 4 * i).intValue();
            int location = directory.get(5 + 4 * i).intValue();
            int length = directory.get(6 + 4 * i).intValue();
            int value = directory.get(7 + 4 * i).intValue();
            if (location == 0) {
                keys.put(id, value);
            } else if (location == TAG_GEO_ASCII_PARAMS && asciiParams != null
                    && value + length <= asciiParams.length()) {
                keys.put(id, asciiParams.substring(value, value + length).replaceAll("\\|$", ""));
            }
        }
        return keys;
    }
}
