package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.BoundingBox;
import org.geoprospect.process.Format;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OGC API – Processes execute request (execute.yaml of OGC 18-062r2) read against the process's description.
 * An input's value is a string, number or boolean; an array of values (an input with maxOccurs above 1); a
 * bounding box {@code {"bbox": […], "crs": …}}; a reference {@code {"href": …, "type": …}} ({@code layer:NAME} or a
 * URL); or a qualified value {@code {"value": …, "mediaType": …}}, whose value is base64-encoded data with
 * {@code "encoding": "base64"} (a reference's or qualified value's media type and encoding may also come in a
 * {@code "format"} object, as drafts of the standard and OGC's conformance suite send them). A complex input also
 * takes a plain string as a published layer's name and, if it accepts a JSON format, a JSON object as a document
 * in it (GeoJSON for a point layer). Whether an input exists and a literal fits its description is the
 * execution's to check.
 *
 * @param inputs    values by input identifier, in the request's order
 * @param selection the outputs asked for and the response wanted
 * @param jobInputs the request as its job keeps it: inline data replaced by its size and media type
 */
record ExecuteRequest(Map<String, List<InputValue>> inputs, OutputSelection selection, String jobInputs) {

    /** @throws InvalidInputException for a body that is no JSON object, or a value this API does not read */
    static ExecuteRequest read(byte[] body, ProcessDescription d) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(null, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new InvalidInputException(null, "the request body is a JSON object such as {\"inputs\": {…}}");
        }
        JsonNode given = request.path("inputs");
        if (!given.isMissingNode() && !given.isObject()) {
            throw new InvalidInputException("inputs", "'inputs' is an object by input identifier");
        }
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        ObjectNode kept = Json.MAPPER.createObjectNode();
        given.properties().forEach(e -> {
            String id = e.getKey();
            InputDescription input = d.input(id).orElse(null);
            List<InputValue> values = new ArrayList<>();
            ArrayNode keptValues = Json.MAPPER.createArrayNode();
            for (JsonNode v : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                InputValue value = value(input, id, v);
                values.add(value);
                keptValues.add(value instanceof InputValue.Inline inline ? Json.MAPPER.createObjectNode()
                        .put("inlineBytes", inline.data().length).put("mediaType", inline.mimeType()) : v);
            }
            inputs.put(id, values);
            kept.set(id, e.getValue().isArray() ? keptValues : keptValues.get(0));
        });
        OutputSelection selection = OutputSelection.read(request, d);
        ObjectNode jobInputs = Json.MAPPER.createObjectNode();
        jobInputs.set("inputs", kept);
        if (request.has("outputs")) {
            jobInputs.set("outputs", request.get("outputs"));
        }
        jobInputs.put("response", selection.raw() ? "raw" : "document");
        return new ExecuteRequest(inputs, selection, jobInputs.toString());
    }

    /** @param input the input's description, or null for one the process does not have */
    private static InputValue value(InputDescription input, String id, JsonNode v) {
        boolean complex = input != null && input.isComplex();
        if (input != null && input.isBoundingBox() && v.isObject() && !v.has("value")) {
            return new InputValue.Literal(boundingBox(id, v));
        }
        if (v.isTextual()) {
            return new InputValue.Literal(v.textValue());
        }
        if (v.isNumber()) { // 500.0 reads as 500, so that it fits an integer input too
            if (!Double.isFinite(v.doubleValue())) { // 1e400 reads as infinity
                throw new InvalidInputException(id, "input '" + id + "': the number is beyond the largest there is "
                        + "(about ±1.8e308)");
            }
            return new InputValue.Literal(v.isIntegralNumber() ? v.asText()
                    : v.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (v.isBoolean()) {
            return new InputValue.Literal(v.asText());
        }
        if (v.isObject() && v.has("href")) {
            return new InputValue.Reference(v.path("href").asText(), v.has("type") ? v.get("type").textValue()
                    : format(v, "mediaType").textValue());
        }
        if (v.isObject() && v.has("value")) {
            return qualified(input, id, v);
        }
        if (v.isObject() && complex) {
            String json = input.formats().stream().map(Format::mimeType).filter(m -> m.contains("json"))
                    .findFirst().orElseThrow(() -> new InvalidInputException(id, "input '" + id + "': a JSON object "
                            + "is no " + input.formats().get(0).mimeType() + "; give {\"value\": …, \"encoding\": "
                            + "\"base64\"}, {\"href\": …} or a layer's name"));
            return new InputValue.Inline(v.toString().getBytes(StandardCharsets.UTF_8), json);
        }
        throw new InvalidInputException(id, "input '" + id + "': " + (v.isNull() ? "null" : v.getNodeType()
                .toString().toLowerCase(Locale.ROOT)) + " is no value; give a string, number, boolean, an array of them, "
                + "{\"href\": …} or {\"value\": …}");
    }

    /** @return the box as text, {@code minx,miny,maxx,maxy[,crs]} */
    private static String boundingBox(String id, JsonNode v) {
        JsonNode corners = v.path("bbox");
        if (!corners.isArray()) {
            throw new InvalidInputException(id, "input '" + id + "': a bounding box is {\"bbox\": [minx, miny, "
                    + "maxx, maxy], \"crs\": …}");
        }
        List<String> parts = new ArrayList<>();
        corners.forEach(c -> parts.add(c.isNumber() ? c.asText() : "?"));
        if (v.path("crs").isTextual()) {
            parts.add(v.get("crs").textValue());
        }
        return BoundingBox.parse(id, String.join(",", parts)).toString();
    }

    private static InputValue qualified(InputDescription input, String id, JsonNode v) {
        boolean complex = input != null && input.isComplex();
        JsonNode value = v.get("value");
        String mediaType = format(v, "mediaType").textValue();
        String encoding = format(v, "encoding").asText("");
        if (encoding.equalsIgnoreCase("base64")) {
            try {
                return new InputValue.Inline(Base64.getMimeDecoder().decode(value.asText()), mediaType);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(id, "input '" + id + "': the value is not base64: " + e.getMessage());
            }
        }
        if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("utf-8")) {
            throw new InvalidInputException(id, "input '" + id + "': encoding '" + encoding + "' is not supported; "
                    + "send text as it is, or base64");
        }
        if (!complex) {
            return value(input, id, value);
        }
        return value.isTextual()
                ? new InputValue.Inline(value.textValue().getBytes(StandardCharsets.UTF_8), mediaType)
                : new InputValue.Inline(value.toString().getBytes(StandardCharsets.UTF_8),
                        mediaType != null ? mediaType : "application/geo+json");
    }

    /** A member of a value's format: beside the value, as the standard has it, or in its "format" object. */
    private static JsonNode format(JsonNode v, String member) {
        return v.has(member) ? v.get(member) : v.path("format").path(member);
    }
}
