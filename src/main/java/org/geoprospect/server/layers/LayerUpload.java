package org.geoprospect.server.layers;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import org.geoprospect.core.Folders;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.FileTypes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A layer file received in a request, held in a temporary folder until it is published: either the raw body (its
 * Content-Type says the format) or the {@code file} field of a multipart/form-data body, whose other fields
 * ({@code name}, {@code crs}, {@code title}) are kept as text. The body is streamed to disk and counted, so a big
 * upload costs no memory, and one without a Content-Length (the server refuses a declared one over the limit before
 * any handler runs) is refused as soon as the count passes the limit. close() removes the folder. Not thread-safe:
 * one per request.
 */
final class LayerUpload implements AutoCloseable {
    /** Where Jetty hands multipart settings to its parser (the servlet container's attribute). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int FIELD_CHARS = 4096;

    private final Path folder;
    private final Path body;
    private final Map<String, String> fields = new HashMap<>();
    private String mediaType;
    private String fileName;

    private LayerUpload(Path folder) {
        this.folder = folder;
        this.body = folder.resolve("body");
    }

    /**
     * Receives the request's file into a new folder under {@code root}.
     *
     * @throws ContentTooLargeResponse when the body is over {@code maxBytes} (answered 413)
     * @throws InvalidInputException   (input {@code file}) when there is no file in the request
     */
    static LayerUpload receive(Context ctx, Path root, long maxBytes) throws IOException {
        LayerUpload upload = new LayerUpload(Files.createTempDirectory(Files.createDirectories(root), "upload"));
        try {
            if (ctx.isMultipartFormData()) {
                upload.readParts(ctx, maxBytes);
            } else {
                upload.mediaType = ctx.contentType();
                try (InputStream in = ctx.req().getInputStream()) {
                    upload.copy(in, maxBytes);
                }
            }
            if (!Files.exists(upload.body) || Files.size(upload.body) == 0) {
                throw new InvalidInputException("file", "the request holds no file: send the layer's file as the "
                        + "body (with its Content-Type) or as the multipart/form-data field 'file'");
            }
            return upload;
        } catch (IOException | RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private void readParts(Context ctx, long maxBytes) throws IOException {
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(folder.toString(), maxBytes, maxBytes,
                1 << 16));
        try {
            for (Part part : ctx.req().getParts()) {
                try (InputStream in = part.getInputStream()) {
                    if (part.getName().equals("file")) {
                        mediaType = part.getContentType();
                        fileName = part.getSubmittedFileName();
                        copy(in, maxBytes);
                    } else {
                        String text = new String(in.readNBytes(FIELD_CHARS), StandardCharsets.UTF_8).strip();
                        fields.put(part.getName(), text.isEmpty() ? null : text);
                    }
                }
            }
        } catch (ServletException | IllegalStateException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                // without a Content-Length, Jetty's parser counts and stops with "max length exceeded: N"
                if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).startsWith("max ")) {
                    throw new ContentTooLargeResponse();
                }
            }
            throw new InvalidInputException("file", "cannot read the multipart/form-data body: " + e.getMessage(),
                    e);
        }
    }

    private void copy(InputStream in, long maxBytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(body)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ContentTooLargeResponse();
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** @return a text field of a multipart body, or null */
    String field(String name) {
        return fields.get(name);
    }

    /**
     * The file under the name the layer will keep: the layer's name and the extension of its format (from the media
     * type, else the submitted file name, else the content's first bytes).
     */
    Path file(String layerName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(body)) {
            head = in.readNBytes(64);
        }
        return Files.move(body, folder.resolve(LayerCatalog.checkName(layerName)
                + FileTypes.extension(mediaType, fileName, head)));
    }

    @Override
    public void close() throws IOException {
        Folders.deleteRecursively(folder);
    }
}
