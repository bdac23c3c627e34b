package org.geoprospect.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multi-band float32 raster on a {@link GridGeometry}: named bands, each {@code width × height} values
 * (row-major, north row first, {@code NaN} = no data), plus dataset metadata (how it was made).
 */
public record Raster(GridGeometry grid, List<Band> bands, Map<String, String> metadata) {
    public Raster {
        Objects.requireNonNull(grid, "grid");
        bands = List.copyOf(bands);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (Band b : bands) {
            if (b.data().length != grid.cellCount()) {
                throw new IllegalArgumentException("band " + b.name() + " has " + b.data().length
                        + " values for a " + grid.width() + " × " + grid.height() + " grid");
            }
        }
    }

    public List<String> bandNames() {
        List<String> names = new ArrayList<>();
        for (Band b : bands) {
            names.add(b.name());
        }
        return names;
    }

    /** The band with this name, or null. */
    public Band band(String name) {
        for (Band b : bands) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** Value at (column, row) of band b. */
    public float value(int b, int column, int row) {
        return bands.get(b).data()[row * grid.width() + column];
    }
}
