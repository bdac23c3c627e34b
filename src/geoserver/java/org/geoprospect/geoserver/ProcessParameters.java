package org.geoprospect.geoserver;

import org.geoprospect.process.Format;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoserver.wps.process.AbstractRawData;
import org.geoserver.wps.process.RawData;
import org.geotools.api.data.Parameter;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.util.SimpleInternationalString;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GeoTools parameters rendered from {@code wps-processes.xml}, the one description: identifiers, titles, abstracts,
 * multiplicity, defaults, allowed values and ranges. Complex values take GeoServer's types so its PPIOs, catalog
 * references and chaining work: point layers are feature collections, grids coverages, target polygons a feature
 * collection; the other files (JSON, CSV, PNG) are raw data in their own media type.
 */
final class ProcessParameters {
    /** The GeoServer host's own input: publish the targets (and the probability map) as catalog layers. */
    static final String PUBLISH_AS = "publishAs";
    /** The GeoServer host's own output: the layers {@link #PUBLISH_AS} made. */
    static final String LAYERS = "layers";

    private ProcessParameters() {
    }

    static Map<String, Parameter<?>> inputs(ProcessDescription d) {
        Map<String, Parameter<?>> inputs = new LinkedHashMap<>();
        for (InputDescription i : d.inputs()) {
            inputs.put(i.identifier(), input(i));
        }
        if (publishes(d)) {
            inputs.put(PUBLISH_AS, new Parameter<>(PUBLISH_AS, String.class, text("Publish as"),
                    text("workspace:name — publish the targets as a new GeoServer layer (a GeoPackage store, styled "
                            + "known/new) and the probability map as name_probability (viridis); the workspace must "
                            + "exist and the names be free"), false, 0, 1, null, null));
        }
        return inputs;
    }

    static Map<String, Parameter<?>> outputs(ProcessDescription d) {
        Map<String, Parameter<?>> outputs = new LinkedHashMap<>();
        for (OutputDescription o : d.outputs()) {
            outputs.put(o.identifier(), output(o));
        }
        if (publishes(d)) {
            outputs.put(LAYERS, new Parameter<>(LAYERS, String.class, text("Published layers"),
                    text("the layers publishAs made, comma-separated (empty when not asked)"), false, 0, 1, null,
                    null));
        }
        return outputs;
    }

    /** A process whose targets can become layers: the one with a feature-collection output. */
    static boolean publishes(ProcessDescription d) {
        return d.outputs().stream().anyMatch(o -> type(o.formats()) == SimpleFeatureCollection.class);
    }

    private static Parameter<?> input(InputDescription i) {
        Map<String, Object> metadata = new HashMap<>();
        Class<?> type = i.isComplex() ? type(i.formats()) : literalType(i.dataType());
        if (type == RawData.class) {
            metadata.put(AbstractRawData.MIME_TYPES, mimeTypes(i.formats()));
        }
        if (!i.allowedValues().isEmpty()) {
            metadata.put(Parameter.OPTIONS, List.copyOf(i.allowedValues()));
        }
        if (i.range() != null) {
            metadata.put(Parameter.MIN, number(type, i.range().minimum()));
            metadata.put(Parameter.MAX, number(type, i.range().maximum()));
        }
        Object sample = i.defaultValue() == null || i.isComplex() ? null : value(type, i.defaultValue());
        return parameter(i.identifier(), type, i.title(), i.abstractText(), i.minOccurs() > 0, i.minOccurs(),
                i.maxOccurs(), sample, metadata);
    }

    private static Parameter<?> output(OutputDescription o) {
        Map<String, Object> metadata = new HashMap<>();
        Class<?> type = o.isComplex() ? type(o.formats()) : literalType(o.dataType());
        if (type == RawData.class) {
            metadata.put(AbstractRawData.MIME_TYPES, mimeTypes(o.formats()));
        }
        return parameter(o.identifier(), type, o.title(), o.abstractText(), false, 0, 1, null, metadata);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Parameter<?> parameter(String key, Class<?> type, String title, String abstractText,
                                          boolean required, int min, int max, Object sample,
                                          Map<String, Object> metadata) {
        return new Parameter(key, type, text(title), text(abstractText == null ? "" : abstractText), required, min,
                max, sample, metadata);
    }

    /** The GeoServer type for a complex value, from its formats. */
    static Class<?> type(List<Format> formats) {
        List<String> mimes = formats.stream().map(Format::mimeType).toList();
        if (mimes.contains("image/tiff")) {
            return GridCoverage2D.class;
        }
        if (mimes.contains("application/geopackage+sqlite3")) { // point layers and the targets; not the
            return SimpleFeatureCollection.class;                 // RFC 7946 copy, which is a file as it is
        }
        return RawData.class;
    }

    private static String mimeTypes(List<Format> formats) {
        return formats.stream().map(Format::mimeType).distinct().collect(Collectors.joining(","));
    }

    static Class<?> literalType(String dataType) {
        return switch (dataType == null ? "string" : dataType) {
            case "double" -> Double.class;
            case "integer" -> Integer.class;
            case "boolean" -> Boolean.class;
            default -> String.class;
        };
    }

    private static Object value(Class<?> type, String text) {
        if (type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == Integer.class) {
            return Integer.valueOf(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static Object number(Class<?> type, double v) {
        if (Double.isInfinite(v)) {
            return null;
        }
        return type == Integer.class && v == Math.rint(v) ? Integer.valueOf((int) v) : Double.valueOf(v);
    }

    private static SimpleInternationalString text(String s) {
        return new SimpleInternationalString(s);
    }
}
