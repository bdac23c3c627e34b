package org.geoprospect.server.wms;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geoprospect.server.http.OwsException;

/**
 * The key-value pairs of a WMS request. Parameter names are case-insensitive (WMS 1.3.0, 6.8.1), values are not;
 * a parameter given twice counts once, the first.
 */
final class WmsParameters {
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    WmsParameters(Map<String, List<String>> query) {
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.putIfAbsent(k, v.get(0));
            }
        });
    }

    /** @return the value, or null when the parameter is absent */
    String optional(String name) {
        return values.get(name);
    }

    /** @throws OwsException (MissingParameterValue) when the parameter is absent or blank */
    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw OwsException.missing(name);
        }
        return v.strip();
    }
}
