package org.geoprospect.server.layers;

import java.util.Locale;

/** Vector (features) or raster (a grid of cells). */
public enum LayerKind {
    VECTOR, RASTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LayerKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
