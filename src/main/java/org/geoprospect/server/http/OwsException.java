package org.geoprospect.server.http;

/**
 * A request an OGC web service cannot answer, as the exception of its report (OWS 1.1 for WPS 1.0.0, the
 * ServiceException of WMS 1.3.0): the exception code (or none where the standard has none), the locator (the
 * parameter or input at fault) and the HTTP status. Each protocol maps the engine's errors onto it in one place.
 */
public final class OwsException extends RuntimeException {
    private final String code;
    private final String locator;
    private final int status;

    /**
     * @param code    e.g. {@code InvalidParameterValue}, or null for none
     * @param locator the parameter or input at fault, or null
     * @param status  the HTTP status of the report
     */
    public OwsException(String code, String locator, String message, int status) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.status = status;
    }

    /** A client's error (400). */
    public static OwsException of(String code, String locator, String message) {
        return new OwsException(code, locator, message, 400);
    }

    public static OwsException missing(String parameter) {
        return of("MissingParameterValue", parameter, "parameter '" + parameter + "' is missing");
    }

    public static OwsException invalid(String parameter, String message) {
        return of("InvalidParameterValue", parameter, message);
    }

    public String code() {
        return code;
    }

    public String locator() {
        return locator;
    }

    public int status() {
        return status;
    }
}
