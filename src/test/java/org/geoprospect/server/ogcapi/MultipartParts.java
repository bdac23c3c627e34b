package org.geoprospect.server.ogcapi;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tests' reader of a multipart/related answer: its parts by Content-ID, each with its type and bytes. */
final class MultipartParts {
    record Part(String type, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private MultipartParts() {
    }

    /** @return the parts in order, by the identifier between their Content-ID's angle brackets */
    static Map<String, Part> of(HttpResponse<byte[]> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("multipart/related;"), type);
        String boundary = type.replaceAll(".*boundary=([^;]+).*", "$1");
        // ISO-8859-1 maps each byte to one char and back, so binary parts survive the split
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.endsWith("--" + boundary + "--\r\n"), "closed by the last boundary");
        Map<String, Part> parts = new LinkedHashMap<>();
        String[] pieces = body.split("--" + boundary);
        for (String part : Arrays.copyOfRange(pieces, 1, pieces.length - 1)) {
            int end = part.indexOf("\r\n\r\n");
            String headers = part.substring(0, end);
            String id = headers.replaceAll("(?s).*Content-ID: <([^>]*)>.*", "$1");
            String partType = headers.replaceAll("(?s).*Content-Type: ([^\r\n]*).*", "$1");
            String content = part.substring(end + 4, part.length() - 2); // less the CRLF before the boundary
            parts.put(id, new Part(partType, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
