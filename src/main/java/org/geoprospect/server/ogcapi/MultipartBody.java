package org.geoprospect.server.ogcapi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/related body (RFC 2387) of several outputs, streamed: a part per output, its {@code Content-ID} the
 * output's identifier, its content as it is (files are not read into memory). The first part is the root.
 */
final class MultipartBody {
    private final String boundary = "geoprospect-" + UUID.randomUUID();
    private final List<InputStream> streams = new ArrayList<>();
    private String rootType;

    void add(String id, String mediaType, InputStream content) {
        if (rootType == null) {
            rootType = mediaType;
        }
        streams.add(text("--" + boundary + "\r\nContent-ID: <" + id + ">\r\nContent-Type: " + mediaType
                + "\r\n\r\n"));
        streams.add(content);
        streams.add(text("\r\n"));
    }

    /** The body's media type, with its boundary and the root part's type. */
    String mediaType() {
        return "multipart/related; boundary=" + boundary + (rootType == null ? ""
                : "; type=\"" + rootType.replaceFirst(";.*", "") + "\"");
    }

    /** The whole body: the parts, then the closing boundary. */
    InputStream stream() {
        List<InputStream> all = new ArrayList<>(streams);
        all.add(text("--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(all));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
