package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.server.http.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The server's OpenAPI 3.0 definition (conformance class oas30): the fixed routes of every part of the server
 * from {@code openapi.json} beside this class, and from the process registry an execution path per process whose
 * request body schema is generated from the process's description ({@link ValueSchemas#request}) and whose
 * results schema lists its outputs — so a registered process is described without writing a line for it. When
 * writes need credentials, the writing operations say which.
 */
final class OpenApiDocument {
    private static final ObjectNode TEMPLATE = template();

    private OpenApiDocument() {
    }

    static ObjectNode of(ProcessRegistry processes, ServerConfig config, ServerLinks links) {
        ObjectNode doc = TEMPLATE.deepCopy();
        doc.putArray("servers").addObject().put("url", links.href("")).put("description", "this server");
        ArrayNode ids = ((ObjectNode) doc.at("/components/parameters/processID/schema")).putArray("enum");
        ObjectNode paths = (ObjectNode) doc.get("paths");
        for (GeoProcess p : processes.all().values()) {
            ProcessDescription d = p.description();
            ids.add(d.identifier());
            paths.putObject("/processes/" + d.identifier() + "/execution").set("post", execution(d));
        }
        if (config.protectedWrites()) {
            secure(doc, config);
        }
        return doc;
    }

    private static ObjectNode execution(ProcessDescription d) {
        ObjectNode post = Json.MAPPER.createObjectNode();
        post.putArray("tags").add("Processes");
        post.put("operationId", "execute_" + d.identifier());
        post.put("summary", "execute " + d.identifier() + ": " + d.title());
        post.put("description", d.abstractText());
        post.putArray("parameters").addObject().put("$ref", "#/components/parameters/Prefer");
        post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", request(d));
        ObjectNode responses = post.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "the results document; with response raw, "
                + "the content of the one output asked for").putObject("content");
        ok.putObject("application/json").set("schema", results(d));
        d.outputs().stream().flatMap(o -> o.formats().stream()).forEach(f -> ok.putObject(f.mimeType()));
        ObjectNode accepted = responses.putObject("201").put("description", "with Prefer: respond-async, the job "
                + "accepted; poll its Location");
        accepted.putObject("headers").putObject("Location").putObject("schema").put("type", "string");
        accepted.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/statusInfo");
        for (String[] r : List.of(new String[] {"400", "BadRequest"}, new String[] {"404", "NotFound"},
                new String[] {"500", "ServerError"}, new String[] {"503", "ServerBusy"})) {
            responses.putObject(r[0]).put("$ref", "#/components/responses/" + r[1]);
        }
        return post;
    }

    /** The execute request: the inputs by identifier, the outputs asked for, the response wanted. */
    private static ObjectNode request(ProcessDescription d) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = body.putObject("properties");
        ObjectNode inputs = properties.putObject("inputs").put("type", "object");
        ObjectNode inputProperties = inputs.putObject("properties");
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (InputDescription i : d.inputs()) {
            inputProperties.set(i.identifier(), ValueSchemas.request(i).put("description", i.title()));
            if (i.minOccurs() > 0) {
                required.add(i.identifier());
            }
        }
        inputs.put("additionalProperties", false);
        if (!required.isEmpty()) {
            inputs.set("required", required);
            body.putArray("required").add("inputs");
        }
        ObjectNode outputs = properties.putObject("outputs").put("type", "object");
        ObjectNode outputProperties = outputs.putObject("properties");
        d.outputs().forEach(o -> outputProperties.putObject(o.identifier()).put("$ref", "#/components/schemas/output"));
        outputs.put("additionalProperties", false);
        properties.putObject("response").put("type", "string").put("default", "document").putArray("enum")
                .add("document").add("raw");
        return body;
    }

    private static ObjectNode results(ProcessDescription d) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (OutputDescription o : d.outputs()) {
            if (o.isComplex()) {
                properties.putObject(o.identifier()).put("$ref", "#/components/schemas/outputLink");
            } else {
                properties.putObject(o.identifier()).put("type", "string");
            }
        }
        return schema;
    }

    /** Adds the security schemes the settings use to every operation that writes. */
    private static void secure(ObjectNode doc, ServerConfig config) {
        ObjectNode schemes = ((ObjectNode) doc.get("components")).putObject("securitySchemes");
        ArrayNode requirement = Json.MAPPER.createArrayNode();
        if (config.apiKey() != null) {
            schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
            requirement.addObject().putArray("apiKey");
        }
        if (config.basicUser() != null) {
            schemes.putObject("basic").put("type", "http").put("scheme", "basic");
            requirement.addObject().putArray("basic");
        }
        for (JsonNode path : doc.get("paths")) {
            for (String method : List.of("post", "put", "delete")) {
                if (path.has(method)) {
                    ObjectNode operation = (ObjectNode) path.get(method);
                    operation.set("security", requirement.deepCopy());
                    ((ObjectNode) operation.get("responses")).putObject("401").put("description", "credentials "
                            + "needed: an X-API-Key header or HTTP Basic authentication");
                }
            }
        }
    }

    private static ObjectNode template() {
        InputStream in = OpenApiDocument.class.getResourceAsStream("openapi.json");
        if (in == null) {
            throw new IllegalStateException("the OpenAPI template openapi.json is missing from the class path");
        }
        try (in) {
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI template openapi.json: " + e.getMessage(), e);
        }
    }
}
