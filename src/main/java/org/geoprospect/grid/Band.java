package org.geoprospect.grid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One band of a {@link Raster}: a name (the element, e.g. {@code Cu}), free metadata (unit, source column,
 * normalisation statistics: see {@link Normalization}) and float32 values in row-major order, north row first.
 * {@link Float#NaN} means no data; writers map it to the file's nodata value. The data array is shared, not copied.
 */
public record Band(String name, Map<String, String> metadata, float[] data) {
    public Band {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public Band withData(float[] newData, Map<String, String> extraMetadata) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.putAll(extraMetadata);
        return new Band(name, m, newData);
    }
}
