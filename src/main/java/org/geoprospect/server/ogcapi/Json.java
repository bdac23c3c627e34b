package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** The JSON mapper of this package and how its documents are sent. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static void send(Context ctx, JsonNode document) {
        send(ctx, 200, "application/json", document);
    }

    static void send(Context ctx, int status, String contentType, JsonNode document) {
        ctx.status(status).contentType(contentType).result(document.toString());
    }
}
