package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.BoundingBox;
import org.geoprospect.process.OutputDescription;

/**
 * A literal output's value in JSON as its description types it, the way {@link ValueSchemas#output} describes it:
 * a number, a boolean, an array of values (a comma-separated list), a bounding box {@code {"bbox", "crs"}}
 * (bbox.yaml), else the text. A value that does not read as its type stays text.
 */
final class LiteralValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LiteralValues() {
    }

    /** @param output the output's description, or null where the process is no longer offered */
    static JsonNode json(OutputDescription output, String text) {
        if (output == null) {
            return NODES.textNode(text);
        }
        if (output.array()) {
            ArrayNode values = NODES.arrayNode();
            for (String v : text.isEmpty() ? new String[0] : text.split(",")) {
                values.add(typed(output.dataType(), v.strip()));
            }
            return values;
        }
        if (output.isBoundingBox()) {
            try {
                BoundingBox box = BoundingBox.parse(output.identifier(), text);
                ObjectNode json = NODES.objectNode();
                box.coordinates().forEach(v -> json.withArray("bbox").add(number(v)));
                return box.crs() == null ? json : json.put("crs", box.crs());
            } catch (InvalidInputException e) {
                return NODES.textNode(text);
            }
        }
        return typed(output.dataType(), text);
    }

    /** Whole numbers without a fraction, as they were most likely given. */
    private static JsonNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? NODES.numberNode((long) v) : NODES.numberNode(v);
    }

    private static JsonNode typed(String dataType, String text) {
        try {
            return switch (dataType) {
                case "integer" -> NODES.numberNode(Long.parseLong(text));
                case "double" -> Double.isFinite(Double.parseDouble(text))
                        ? number(Double.parseDouble(text)) : NODES.textNode(text);
                case "boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                        ? NODES.booleanNode(Boolean.parseBoolean(text)) : NODES.textNode(text);
                default -> NODES.textNode(text);
            };
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
