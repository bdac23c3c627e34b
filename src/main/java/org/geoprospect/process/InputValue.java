package org.geoprospect.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One value of a process input as a host receives it, before it becomes what the process reads: a literal, data
 * sent inline, a reference the host resolves ({@link InputResolver}: a layer it publishes, a URL), or a file the
 * host already holds (what a GeoServer host makes of a feature collection or a coverage, say).
 */
public sealed interface InputValue {
    /** @param value the text, e.g. {@code 100} or {@code Au,Ag}; for a complex input, the name of a layer */
    record Literal(String value) implements InputValue {
    }

    /**
     * @param data     the content (decoded, if it came base64-encoded)
     * @param mimeType its declared media type, or null
     */
    record Inline(byte[] data, String mimeType) implements InputValue {
    }

    /**
     * @param href     {@code layer:NAME}, or a URL
     * @param mimeType its declared media type, or null
     */
    record Reference(String href, String mimeType) implements InputValue {
    }

    /** @param path a file the host wrote or holds, read as it is */
    record File(Path path) implements InputValue {
    }

    /**
     * A GeoTIFF a host wrote from its own grid type with a writer that keeps values and georeference but not GDAL's
     * band metadata (GeoTools'): the engine rewrites it with each band's items as GDAL_METADATA held them.
     *
     * @param path  the GeoTIFF
     * @param bands per band, GDAL metadata items by name: {@code DESCRIPTION} the band's name (the element),
     *              {@code UNITTYPE} its unit, the rest (normalisation statistics) as they were; empty maps, or no
     *              list, where the host knows none
     */
    record Grid(Path path, List<Map<String, String>> bands) implements InputValue {
        public Grid {
            bands = List.copyOf(bands);
        }
    }
}
