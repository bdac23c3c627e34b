package org.geoprospect.server.wps;

import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.server.http.OwsException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads WPS 1.0.0 requests sent as key-value pairs (an HTTP GET). Keys are case-insensitive. The list parameters
 * DataInputs, ResponseDocument and RawDataOutput (§10.2.2) are split on {@code ;}, {@code @} and {@code =} before
 * their parts are URL-decoded, so that a value may hold those characters percent-encoded:
 * {@code DataInputs=samples=@xlink:href=layer:samples;elements=Au,Cu;cellSize=500}. A complex input's value is
 * data sent inline (base64-decoded with {@code @encoding=base64}), except {@code layer:NAME}, which references a
 * published layer as {@code @xlink:href} does. A list whose separators all came percent-encoded (as generic URL
 * builders send it) is decoded once before it is split.
 */
final class KvpRequests {
    private static final Pattern SEPARATOR = Pattern.compile("[;@=]");

    private KvpRequests() {
    }

    /**
     * @param query    the raw (still encoded) query string
     * @param describe the description of a process by identifier; throws for an unknown one
     */
    static WpsRequest read(String query, Function<String, ProcessDescription> describe) {
        Map<String, String> raw = pairs(query == null ? "" : query);
        WpsRequest.checkService(value(raw, "service"));
        String request = value(raw, "request");
        if (request == null || request.isBlank()) {
            throw OwsException.missing("request");
        }
        switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                return new WpsRequest.GetCapabilities(list(value(raw, "acceptversions")));
            }
            case "describeprocess" -> {
                WpsRequest.checkVersion(value(raw, "version"));
                WpsRequest.checkLanguage(value(raw, "language"));
                return new WpsRequest.DescribeProcess(list(value(raw, "identifier")));
            }
            case "execute" -> {
                WpsRequest.checkVersion(value(raw, "version"));
                return execute(raw, describe);
            }
            default -> throw new OwsException("OperationNotSupported", request, "WPS 1.0.0 operations are "
                    + "GetCapabilities, DescribeProcess and Execute; '" + request + "' is not one of them", 400);
        }
    }

    private static WpsRequest.Execute execute(Map<String, String> raw, Function<String, ProcessDescription> describe) {
        String identifier = value(raw, "identifier");
        if (identifier == null || identifier.isBlank()) {
            throw OwsException.missing("identifier");
        }
        ProcessDescription process = describe.apply(identifier);
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        for (Item item : items(raw.get("datainputs"), "DataInputs")) {
            InputValue v = input(item, process.input(item.name).orElse(null));
            inputs.computeIfAbsent(item.name, k -> new ArrayList<>()).add(v);
        }
        List<WpsRequest.OutputDefinition> outputs = new ArrayList<>();
        for (Item item : items(raw.get("responsedocument"), "ResponseDocument")) {
            outputs.add(new WpsRequest.OutputDefinition(item.name, WpsRequest.bool(item.attributes.get("asreference"),
                    "asReference", false), item.attributes.get("mimetype")));
        }
        List<Item> rawOutputs = items(raw.get("rawdataoutput"), "RawDataOutput");
        if (rawOutputs.size() > 1) {
            throw OwsException.invalid("RawDataOutput", "RawDataOutput names one output");
        }
        WpsRequest.OutputDefinition rawOutput = rawOutputs.isEmpty() ? null : new WpsRequest.OutputDefinition(
                rawOutputs.get(0).name, false, rawOutputs.get(0).attributes.get("mimetype"));
        return new WpsRequest.Execute(identifier, inputs, outputs, rawOutput,
                WpsRequest.bool(value(raw, "storeexecuteresponse"), "storeExecuteResponse", false),
                WpsRequest.bool(value(raw, "status"), "status", false),
                WpsRequest.bool(value(raw, "lineage"), "lineage", false));
    }

    private static InputValue input(Item item, InputDescription description) {
        String mimeType = item.attributes.get("mimetype");
        String href = item.attributes.getOrDefault("xlink:href", item.attributes.get("href"));
        if (href != null) {
            return new InputValue.Reference(href, mimeType);
        }
        if (description == null || !description.isComplex()) {
            return new InputValue.Literal(item.value); // an unknown input is named by the execution's check
        }
        if (item.value.startsWith("layer:")) {
            return new InputValue.Reference(item.value, mimeType);
        }
        if ("base64".equalsIgnoreCase(item.attributes.get("encoding"))) {
            try {
                return new InputValue.Inline(Base64.getMimeDecoder().decode(item.value), mimeType);
            } catch (IllegalArgumentException e) {
                throw OwsException.invalid(item.name, "input '" + item.name + "' is not valid base64");
            }
        }
        return new InputValue.Inline(item.value.getBytes(StandardCharsets.UTF_8), mimeType);
    }

    /** One entry of a list parameter: {@code name=value@attribute=value…}, attribute keys in lower case. */
    private record Item(String name, String value, Map<String, String> attributes) {
    }

    private static List<Item> items(String rawList, String parameter) {
        List<Item> items = new ArrayList<>();
        if (rawList == null) {
            return items;
        }
        if (!SEPARATOR.matcher(rawList).find()) {
            rawList = decode(rawList, parameter); // the client encoded the whole value, separators and all
        }
        for (String entry : rawList.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("@");
            String[] nameValue = parts[0].split("=", 2);
            String name = decode(nameValue[0], parameter).strip();
            if (name.isEmpty()) {
                throw OwsException.invalid(parameter, parameter + " entry '" + decode(entry, parameter)
                        + "' has no identifier");
            }
            Map<String, String> attributes = new HashMap<>();
            for (String attribute : Arrays.asList(parts).subList(1, parts.length)) {
                String[] kv = attribute.split("=", 2);
                attributes.put(decode(kv[0], parameter).strip().toLowerCase(Locale.ROOT),
                        kv.length > 1 ? decode(kv[1], parameter) : "");
            }
            items.add(new Item(name, nameValue.length > 1 ? decode(nameValue[1], parameter) : "", attributes));
        }
        return items;
    }

    /** The parameters by lower-case key, values still encoded; the first of repeated keys counts. */
    private static Map<String, String> pairs(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                out.putIfAbsent(decode(kv[0], kv[0]).toLowerCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    private static String value(Map<String, String> raw, String key) {
        String v = raw.get(key);
        return v == null ? null : decode(v, key);
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String decode(String s, String parameter) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid(parameter, "'" + s + "' is not correctly URL-encoded");
        }
    }
}
