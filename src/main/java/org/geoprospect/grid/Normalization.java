package org.geoprospect.grid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a band's values were normalised and the statistics used, so that new data can be normalised the same way
 * (prediction on another area must use the training area's statistics). Kept in the band's metadata under the
 * keys {@code normalize}, {@code log10}, {@code mean}, {@code std}, {@code min}, {@code max}.
 *
 * @param method {@code zscore} ((v − mean) / std, the paper's eq. 2), {@code minmax} ((v − min) / (max − min)) or
 *               {@code none}
 * @param log10  whether log10 was taken before the statistics
 * @param mean   mean of the (logged) values over the cells with data
 * @param std    population standard deviation of the same
 * @param min    minimum of the same
 * @param max    maximum of the same
 */
public record Normalization(String method, boolean log10, double mean, double std, double min, double max) {

    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("normalize", method);
        m.put("log10", Boolean.toString(log10));
        m.put("mean", format(mean));
        m.put("std", format(std));
        m.put("min", format(min));
        m.put("max", format(max));
        return m;
    }

    /** The normalisation recorded in band metadata, or null when there is none. */
    public static Normalization fromMetadata(Map<String, String> m) {
        if (!m.containsKey("normalize")) {
            return null;
        }
        return new Normalization(m.get("normalize"), Boolean.parseBoolean(m.get("log10")), parse(m.get("mean")),
                parse(m.get("std")), parse(m.get("min")), parse(m.get("max")));
    }

    private static String format(double v) {
        return Double.toString(v); // shortest text that reads back to the same double
    }

    private static double parse(String s) {
        return s == null ? Double.NaN : Double.parseDouble(s);
    }
}
