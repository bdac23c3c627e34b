package org.geoprospect.server.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.Folders;
import org.geoprospect.process.InputValue;
import org.geoprospect.server.http.ServerLinks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request of a job waiting in the queue, kept in its folder ({@code queued/request.json}, inline data beside
 * it) so that a job still waiting when the server stops is queued again at the next start: its inputs as the
 * client gave them, and the address the client reached the server at, so that the server's own URLs are read as
 * its layers then as now. Deleted when the job starts.
 */
final class KeptRequest {
    private static final String FOLDER = "queued";
    private static final String FILE = "request.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A kept request, read back. */
    record Request(Map<String, List<InputValue>> inputs, ServerLinks links) {
    }

    private KeptRequest() {
    }

    static void write(Path jobFolder, Map<String, List<InputValue>> inputs, ServerLinks links) throws IOException {
        Path dir = Files.createDirectories(jobFolder.resolve(FOLDER));
        ObjectNode request = JSON.createObjectNode().put("base", links.base().toString()).put("port", links.port());
        ObjectNode values = request.putObject("inputs");
        int files = 0;
        for (Map.Entry<String, List<InputValue>> e : inputs.entrySet()) {
            ArrayNode array = values.putArray(e.getKey());
            for (InputValue v : e.getValue()) {
                if (v instanceof InputValue.Literal l) {
                    array.addObject().put("literal", l.value());
                } else if (v instanceof InputValue.Reference r) {
                    array.addObject().put("href", r.href()).put("type", r.mimeType());
                } else if (v instanceof InputValue.Inline i) {
                    String file = "data-" + files++;
                    Files.write(dir.resolve(file), i.data());
                    array.addObject().put("data", file).put("type", i.mimeType());
                } else {
                    throw new IllegalStateException("a server request holds no " + v);
                }
            }
        }
        Files.write(dir.resolve(FILE), JSON.writeValueAsBytes(request)); // last: a request cut short has none
    }

    /** @throws IOException, saying so without the server's paths, when the job kept no request or it is unreadable */
    static Request read(Path jobFolder) throws IOException {
        Path dir = jobFolder.resolve(FOLDER);
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            throw new IOException("it kept no request");
        }
        try {
            JsonNode request = JSON.readTree(Files.readAllBytes(dir.resolve(FILE)));
            Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : request.get("inputs").properties()) {
                List<InputValue> values = new ArrayList<>();
                for (JsonNode v : e.getValue()) {
                    String type = v.path("type").textValue();
                    values.add(v.has("literal") ? new InputValue.Literal(v.get("literal").asText())
                            : v.has("href") ? new InputValue.Reference(v.get("href").asText(), type)
                            : new InputValue.Inline(Files.readAllBytes(dir.resolve(v.get("data").asText())), type));
                }
                inputs.put(e.getKey(), values);
            }
            return new Request(inputs, ServerLinks.of(URI.create(request.get("base").asText()),
                    request.get("port").asInt()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("its kept request cannot be read", e);
        }
    }

    /** Deletes the kept request: a job that has started never waits again. */
    static void delete(Path jobFolder) throws IOException {
        Folders.deleteRecursively(jobFolder.resolve(FOLDER));
    }
}
