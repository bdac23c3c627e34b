package org.geoprospect.process;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file extension the readers recognise for content that arrives without a file name of its own. */
public final class FileTypes {
    private static final Pattern KNOWN = Pattern.compile("\\.(tif|tiff|gpkg|zip|geojson|json|csv|tsv|txt)$",
            Pattern.CASE_INSENSITIVE);

    private FileTypes() {
    }

    /**
     * The extension from the media type, else the URL's (or file name's), else the content's magic.
     *
     * @param mimeType the declared media type, or null
     * @param path     the URL's path or a file name, or null
     * @param data     the content, or at least its first 64 bytes
     * @return e.g. {@code .tif}; {@code .csv} when nothing else fits
     */
    public static String extension(String mimeType, String path, byte[] data) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        if (type.contains("tiff")) {
            return ".tif";
        }
        if (type.contains("geopackage") || type.contains("sqlite")) {
            return ".gpkg";
        }
        if (type.contains("zip") || type.contains("shapefile")) {
            return ".zip";
        }
        if (type.contains("json")) {
            return ".geojson";
        }
        if (type.contains("csv") || type.contains("tab-separated")) {
            return type.contains("tab") ? ".tsv" : ".csv";
        }
        if (path != null) {
            Matcher m = KNOWN.matcher(path);
            if (m.find()) {
                return "." + m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        if (data.length >= 4 && ((data[0] == 'I' && data[1] == 'I') || (data[0] == 'M' && data[1] == 'M'))) {
            return ".tif";
        }
        if (data.length >= 16 && new String(data, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
            return ".gpkg";
        }
        if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
            return ".zip";
        }
        String start = new String(data, 0, Math.min(data.length, 64), StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("{") ? ".geojson" : ".csv";
    }
}
