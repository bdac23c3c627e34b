package org.geoprospect.server.wms;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.http.OwsException;

/**
 * The one place where the engine's errors become WMS 1.3.0 ServiceExceptions (Table E.1): codes such as
 * {@code LayerNotDefined} or {@code InvalidCRS}, or none where the standard has none (a malformed BBOX).
 */
final class WmsExceptions {
    private WmsExceptions() {
    }

    /** The WMS exception an error stands for: bad input is the client's (400), anything else the server's (500). */
    static OwsException of(Exception e) {
        if (e instanceof OwsException w) {
            return w;
        }
        if (e instanceof InvalidInputException invalid) {
            // WMS 1.3.0 has no code for a malformed value (WIDTH=x, a BBOX with min > max): the report has none
            return new OwsException(null, invalid.input() == null ? null : invalid.input().toUpperCase(
                    java.util.Locale.ROOT), invalid.getMessage(), 400);
        }
        return new OwsException(null, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                500);
    }
}
