package org.geoprospect.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished job's outputs as every protocol renders them: per output identifier a literal value or a file in the
 * job's folder (with its media type and the layer it was published as), and the warnings about the data. The job
 * store keeps them as JSON ({@link #toJson()}: {@code {"id": {"value"} | {"file", "mimeType", "layer"},
 * "_warnings": […]}}), read back once when a job is loaded.
 *
 * @param outputs  by output identifier, in the order the process made them
 * @param warnings what happened to the data
 */
public record JobOutputs(Map<String, Output> outputs, List<String> warnings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNINGS = "_warnings";

    public JobOutputs {
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        warnings = List.copyOf(warnings);
    }

    /**
     * @param value    a literal's text, or null for a file
     * @param file     a file's path relative to the job's folder, or null for a literal
     * @param mimeType a file's media type
     * @param layer    the layer a file was published as, or null
     */
    public record Output(String value, String file, String mimeType, String layer) {
        public static Output literal(String value) {
            return new Output(value, null, null, null);
        }

        public boolean isFile() {
            return file != null;
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        outputs.forEach((id, o) -> {
            ObjectNode node = root.putObject(id);
            if (o.isFile()) {
                node.put("file", o.file());
                node.put("mimeType", o.mimeType());
                if (o.layer() != null) {
                    node.put("layer", o.layer());
                }
            } else {
                node.put("value", o.value());
            }
        });
        if (!warnings.isEmpty()) {
            warnings.forEach(root.putArray(WARNINGS)::add);
        }
        return root.toString();
    }

    /** @return the outputs {@link #toJson()} wrote, or null for null */
    public static JobOutputs fromJson(String json) {
        if (json == null) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable job outputs: " + e.getMessage(), e);
        }
        Map<String, Output> outputs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        root.properties().forEach(e -> {
            if (e.getKey().equals(WARNINGS)) {
                e.getValue().forEach(w -> warnings.add(w.asText()));
            } else {
                JsonNode o = e.getValue();
                outputs.put(e.getKey(), new Output(o.has("value") ? o.get("value").asText() : null,
                        o.path("file").asText(null), o.path("mimeType").asText(null), o.path("layer").asText(null)));
            }
        });
        return new JobOutputs(outputs, warnings);
    }
}
