package org.geoprospect.server.wms;

import org.geoprospect.core.InvalidInputException;

/**
 * A request the service cannot answer, as the ServiceException of WMS 1.3.0 (Table E.1) it is reported as: the code
 * ({@code LayerNotDefined}, {@code InvalidCRS}, …, or none where the standard has none, e.g. a malformed BBOX), the
 * locator (the parameter at fault) and the HTTP status. {@link #of(Exception)} is the one place where the engine's
 * errors become WMS exceptions.
 */
final class WmsException extends RuntimeException {
    private final String code;
    private final String locator;
    private final int status;

    /**
     * @param code    the exception code, or null for none
     * @param locator the parameter at fault, or null
     */
    WmsException(String code, String locator, String message, int status) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.status = status;
    }

    static WmsException of(String code, String locator, String message) {
        return new WmsException(code, locator, message, 400);
    }

    static WmsException missing(String parameter) {
        return of("MissingParameterValue", parameter, "parameter '" + parameter + "' is missing");
    }

    /** The WMS exception an error stands for: bad input is the client's (400), anything else the server's (500). */
    static WmsException of(Exception e) {
        if (e instanceof WmsException w) {
            return w;
        }
        if (e instanceof InvalidInputException invalid) {
            // WMS 1.3.0 has no code for a malformed value (WIDTH=x, a BBOX with min > max): the report has none
            return new WmsException(null, invalid.input() == null ? null : invalid.input().toUpperCase(
                    java.util.Locale.ROOT), invalid.getMessage(), 400);
        }
        return new WmsException(null, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                500);
    }

    String code() {
        return code;
    }

    String locator() {
        return locator;
    }

    int status() {
        return status;
    }
}
