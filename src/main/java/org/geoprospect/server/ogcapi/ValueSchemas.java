package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.process.Format;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.OutputDescription;

import java.util.List;

/**
 * The JSON schemas of process inputs and outputs, derived from their WPS descriptions: a literal's data type
 * becomes {@code type} (string, number, integer, boolean), its allowed values {@code enum}, its range
 * {@code minimum}/{@code maximum} with {@code exclusiveMinimum}/{@code exclusiveMaximum} where the range is open
 * (OpenAPI 3.0's boolean form, as OGC 18-062r2's schema.yaml has it), its default {@code default}; a literal shown
 * as one array value is an array of them. A bounding box is OGC 18-062r2's {@code ogc-bbox} (bbox.yaml). A complex
 * input is a published layer's name, a reference {@code {"href": …}}, or data in one of its formats.
 */
final class ValueSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueSchemas() {
    }

    /** The schema of one value of an input, as a process description gives it. */
    static ObjectNode input(InputDescription input) {
        if (input.isBoundingBox()) {
            return boundingBox();
        }
        if (input.array()) {
            return array(literal(input)).put("minItems", Math.max(1, input.minOccurs()))
                    .put("maxItems", input.maxOccurs());
        }
        if (!input.isComplex()) {
            return literal(input);
        }
        ObjectNode schema = NODES.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        oneOf.add(layerName());
        oneOf.add(reference());
        input.formats().forEach(f -> oneOf.add(content(f)));
        return schema;
    }

    /** The schema of an output's value. */
    static ObjectNode output(OutputDescription output) {
        if (output.isBoundingBox()) {
            return boundingBox();
        }
        if (!output.isComplex()) {
            ObjectNode literal = NODES.objectNode().put("type", type(output.dataType()));
            return output.array() ? array(literal) : literal;
        }
        List<Format> formats = output.formats();
        if (formats.size() == 1) {
            return content(formats.get(0));
        }
        ObjectNode schema = NODES.objectNode();
        formats.forEach(f -> schema.withArray("oneOf").add(content(f)));
        return schema;
    }

    /**
     * The schema of an input in an execute request, within what OpenAPI 3.0 schemas can say: one value, or an array
     * of up to maxOccurs values; a complex value as a layer name, a reference or a qualified value
     * {@code {"value", "mediaType", "encoding"}}.
     */
    static ObjectNode request(InputDescription input) {
        ObjectNode one;
        if (input.isComplex()) {
            one = NODES.objectNode();
            ObjectNode qualified = NODES.objectNode().put("type", "object");
            qualified.putArray("required").add("value");
            ObjectNode properties = qualified.putObject("properties");
            properties.putObject("value").put("description", "the data: text, a JSON document, or base64");
            ArrayNode mediaTypes = properties.putObject("mediaType").put("type", "string").putArray("enum");
            input.formats().forEach(f -> mediaTypes.add(f.mimeType()));
            properties.putObject("encoding").put("type", "string").putArray("enum").add("base64");
            one.putArray("anyOf").add(layerName()).add(reference()).add(qualified);
        } else {
            one = input.isBoundingBox() ? boundingBox() : literal(input);
        }
        if (!input.isList()) {
            return one;
        }
        ObjectNode list = NODES.objectNode().put("type", "array").put("maxItems", input.maxOccurs());
        list.set("items", one.deepCopy());
        ObjectNode schema = NODES.objectNode();
        schema.putArray("anyOf").add(one).add(list);
        return schema;
    }

    private static ObjectNode literal(InputDescription input) {
        String type = type(input.dataType());
        ObjectNode schema = NODES.objectNode().put("type", type);
        if (!input.allowedValues().isEmpty() && !type.equals("boolean")) {
            ArrayNode values = schema.putArray("enum");
            input.allowedValues().forEach(v -> values.add(typed(type, v)));
        }
        InputDescription.Range range = input.range();
        if (range != null) {
            schema.set("minimum", number(type, range.minimum()));
            if (range.closure().startsWith("open")) {
                schema.put("exclusiveMinimum", true);
            }
            schema.set("maximum", number(type, range.maximum()));
            if (range.closure().endsWith("open")) {
                schema.put("exclusiveMaximum", true);
            }
        }
        if (input.defaultValue() != null) {
            schema.set("default", typed(type, input.defaultValue()));
        }
        return schema;
    }

    /** @return the JSON schema type of a WPS literal data type */
    private static String type(String dataType) {
        return switch (dataType) {
            case "double" -> "number";
            case "integer" -> "integer";
            case "boolean" -> "boolean";
            default -> "string";
        };
    }

    private static JsonNode typed(String type, String value) {
        return switch (type) {
            case "number", "integer" -> number(type, Double.parseDouble(value));
            case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(value));
            default -> NODES.textNode(value);
        };
    }

    /** Whole numbers without a fraction (a range of 0 to 1.0E7 reads as 0 to 10000000). */
    private static JsonNode number(String type, double v) {
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
        return type.equals("integer") || whole ? NODES.numberNode((long) v) : NODES.numberNode(v);
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", items);
        return schema;
    }

    /** OGC 18-062r2's bounding box: its format, and bbox.yaml inline (any CRS is taken). */
    private static ObjectNode boundingBox() {
        ObjectNode box = NODES.objectNode().put("type", "object");
        box.putArray("required").add("bbox");
        ObjectNode properties = box.putObject("properties");
        ObjectNode corners = properties.putObject("bbox").put("type", "array");
        corners.putArray("oneOf")
                .add(NODES.objectNode().put("minItems", 4).put("maxItems", 4))
                .add(NODES.objectNode().put("minItems", 6).put("maxItems", 6));
        corners.putObject("items").put("type", "number");
        properties.putObject("crs").put("type", "string").put("format", "uri")
                .put("default", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        ObjectNode schema = NODES.objectNode();
        schema.putArray("allOf").add(NODES.objectNode().put("format", "ogc-bbox")).add(box);
        return schema;
    }

    private static ObjectNode layerName() {
        return NODES.objectNode().put("type", "string").put("description", "the name of a published layer (see "
                + "/layers)");
    }

    private static ObjectNode reference() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putArray("required").add("href");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("href").put("type", "string").put("format", "uri-reference").put("description",
                "layer:NAME, this server's /collections/NAME or /layers/NAME, or a URL to fetch");
        properties.putObject("type").put("type", "string").put("description", "the media type of the data");
        return schema;
    }

    /**
     * Data in one format: text as it is, anything else binary as OGC 18-062r2's examples describe it (and OGC's
     * conformance suite recognises it), sent inline base64-encoded.
     */
    private static ObjectNode content(Format format) {
        String mime = format.mimeType();
        ObjectNode schema = NODES.objectNode().put("type", "string");
        if (!mime.startsWith("text/") && !mime.contains("json") && !mime.contains("xml")) {
            schema.put("contentEncoding", "binary");
        }
        return schema.put("contentMediaType", mime);
    }
}
