package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.server.jobs.Job;

import java.util.ArrayList;
import java.util.List;

/**
 * Which outputs an execute request wants and how: its {@code outputs} (by identifier; all when absent) and its
 * {@code response}, {@code document} (a results document, the default) or {@code raw} (the content of the one
 * output asked for, or of several as the parts of a multipart/related answer). A job keeps its request, so its
 * results are answered the same way later.
 *
 * @param outputs the outputs asked for; empty for all
 * @param raw     whether the answer is the outputs' content
 */
record OutputSelection(List<String> outputs, boolean raw) {
    static final OutputSelection ALL = new OutputSelection(List.of(), false);

    OutputSelection {
        outputs = List.copyOf(outputs);
    }

    /**
     * Reads the selection of an execute request.
     *
     * @throws InvalidInputException (input {@code outputs} or {@code response}) naming an unknown output or an
     *                               unknown response
     */
    static OutputSelection read(JsonNode request, ProcessDescription d) {
        List<String> outputs = new ArrayList<>();
        JsonNode asked = request.path("outputs");
        if (!asked.isMissingNode() && !asked.isObject()) {
            throw new InvalidInputException("outputs", "'outputs' is an object by output identifier, e.g. "
                    + "{\"" + d.outputs().get(0).identifier() + "\": {}}");
        }
        asked.fieldNames().forEachRemaining(id -> {
            if (d.output(id).isEmpty()) {
                throw new InvalidInputException("outputs", "process " + d.identifier() + " has no output '" + id
                        + "'; its outputs are " + d.outputs().stream().map(OutputDescription::identifier).toList());
            }
            outputs.add(id);
        });
        String response = request.path("response").asText("document");
        if (!response.equals("document") && !response.equals("raw")) {
            throw new InvalidInputException("response", "'response' is document or raw, not '" + response + "'");
        }
        boolean raw = response.equals("raw");
        return new OutputSelection(raw && outputs.isEmpty() && d.outputs().size() == 1
                ? List.of(d.outputs().get(0).identifier()) : outputs, raw);
    }

    /** The selection a job was executed with; all outputs as a document for a job from another protocol. */
    static OutputSelection of(Job job, ProcessDescription d) {
        try {
            JsonNode request = job.inputs() == null ? null : Json.MAPPER.readTree(job.inputs());
            return request != null && request.has("inputs") ? read(request, d) : ALL;
        } catch (JsonProcessingException | InvalidInputException e) {
            return ALL; // not a request of this API
        }
    }

    boolean selects(String output) {
        return outputs.isEmpty() || outputs.contains(output);
    }
}
