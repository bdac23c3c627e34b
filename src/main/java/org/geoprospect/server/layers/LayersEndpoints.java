package org.geoprospect.server.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.http.Caller;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.http.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The layer resources: {@code GET /layers} and {@code /layers/{name}} describe layers ({@link LayerJson}),
 * {@code POST /layers?name=&crs=&title=} publishes an uploaded file ({@link LayerUpload}: raw body or multipart
 * field {@code file}) — 201 with its Location, 409 when the name is taken, 413 over the upload limit —,
 * {@code POST /layers/register} publishes a file already on the server (for its administrator: only where writes
 * need credentials, and only from the settings' {@code registerFolders}), {@code DELETE /layers/{name}} removes one
 * (the administrator too) and {@code GET /layers/{name}/file} downloads its file.
 */
public final class LayersEndpoints implements Endpoints {
    /** The folder under the store's where uploads are received, one temporary folder each. */
    public static final String UPLOADS = "uploads";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerCatalog catalog;
    private final ServerConfig config;
    private final Path uploads;

    public LayersEndpoints(LayerCatalog catalog, ServerConfig config) {
        this.catalog = catalog;
        this.config = config;
        this.uploads = config.dataDir().resolve(UPLOADS);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/layers", this::list);
        routes.post("/layers", this::upload);
        routes.post("/layers/register", this::registerFile);
        routes.get("/layers/{name}", ctx -> json(ctx, LayerJson.of(layer(ctx))));
        routes.delete("/layers/{name}", this::delete);
        routes.get("/layers/{name}/file", this::file);
    }

    private void list(Context ctx) throws SQLException {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode layers = doc.putArray("layers");
        for (Layer layer : catalog.list()) {
            layers.add(LayerJson.of(layer));
        }
        json(ctx, doc);
    }

    private void upload(Context ctx) throws IOException {
        try (LayerUpload upload = LayerUpload.receive(ctx, uploads, config.maxUploadBytes())) {
            String name = either(ctx.queryParam("name"), upload.field("name"));
            if (name == null) {
                throw new InvalidInputException("name", "give the layer a name: POST /layers?name=NAME (or a "
                        + "multipart field 'name')");
            }
            publish(ctx, upload.file(name), name, either(ctx.queryParam("title"), upload.field("title")), "upload",
                    either(ctx.queryParam("crs"), upload.field("crs")));
        }
    }

    private void registerFile(Context ctx) throws IOException {
        if (!config.protectedWrites()) {
            Problem.respond(ctx, 403, "about:blank", "Forbidden", "registering a file on the server is for its "
                    + "administrator, so it is allowed only when writes need credentials: set apiKey (or basicUser "
                    + "and basicPassword) in the server settings, restart, and send the key as X-API-Key; or upload "
                    + "the file with POST /layers?name=NAME");
            return;
        }
        Caller.of(ctx).requireAdmin("registering a file on the server");
        if (config.registerFolders().isEmpty()) {
            Problem.respond(ctx, 403, "about:blank", "Forbidden", "registering a file on the server is off: the "
                    + "server settings name no registerFolders to register files from");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            throw new InvalidInputException("body", "the body must be JSON {\"name\", \"path\", \"crs\", \"title\"}: "
                    + e.getMessage());
        }
        String name = text(body, "name");
        String path = text(body, "path");
        if (name == null || path == null) {
            throw new InvalidInputException("body", "give the layer's \"name\" and the server-side \"path\" of its "
                    + "file (\"crs\" and \"title\" are optional)");
        }
        Path file = registrable(path);
        publish(ctx, file, name, text(body, "title"), "registered " + file, text(body, "crs"));
    }

    /**
     * @return the real path of a file in one of the register folders, links followed, so that neither {@code ..}
     *         nor a link leads out of them
     */
    private Path registrable(String path) throws IOException {
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("path", "'" + path + "' is not a file path");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("path", "there is no file " + file + " on the server");
        }
        Path real = file.toRealPath();
        for (Path folder : config.registerFolders()) {
            if (Files.isDirectory(folder) && real.startsWith(folder.toRealPath())) {
                return real;
            }
        }
        throw new ForbiddenResponse(file + " is not in a folder the server registers files from (its setting "
                + "registerFolders)");
    }

    private void publish(Context ctx, Path file, String name, String title, String source, String crs)
            throws IOException {
        LayerCatalog.checkName(name);
        Layer layer;
        try {
            layer = catalog.publish(file, name, title == null ? name : title, source, crs, false);
        } catch (LayerCatalog.NameTakenException e) {
            Problem.respond(ctx, 409, "about:blank", "Conflict", e.getMessage());
            return;
        } catch (InvalidInputException e) {
            throw new InvalidInputException("file", "the file is not a layer: " + e.getMessage(), e);
        }
        ctx.status(201).header("Location", "/layers/" + layer.name());
        json(ctx, LayerJson.of(layer));
    }

    private void delete(Context ctx) throws SQLException, IOException {
        Caller.of(ctx).requireAdmin("deleting a layer");
        if (!catalog.delete(ctx.pathParam("name"))) {
            throw notFound(ctx.pathParam("name"));
        }
        ctx.status(204);
    }

    private void file(Context ctx) throws SQLException, IOException {
        Layer layer = layer(ctx);
        // a registered file keeps its own name, which may hold what a header must not
        String fileName = layer.file().replaceAll("[\"\\\\\\p{Cntrl}]", "_");
        ctx.contentType(LayerFiles.mediaType(layer.file()))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .result(Files.newInputStream(catalog.file(layer)));
    }

    private Layer layer(Context ctx) throws SQLException {
        String name = ctx.pathParam("name");
        return catalog.get(name).orElseThrow(() -> notFound(name));
    }

    private static Problem.NotFoundException notFound(String name) {
        return new Problem.NotFoundException("no layer '" + name + "'; the layers are listed at /layers");
    }

    private static String either(String first, String second) {
        return first != null && !first.isBlank() ? first.strip() : second;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static void json(Context ctx, ObjectNode doc) {
        ctx.contentType("application/json").result(doc.toString());
    }
}
