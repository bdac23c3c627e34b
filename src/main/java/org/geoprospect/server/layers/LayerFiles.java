package org.geoprospect.server.layers;

import java.util.Locale;

/** The media types of layer files, by the extensions the catalog accepts. */
final class LayerFiles {
    private LayerFiles() {
    }

    static String mediaType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "tif", "tiff" -> "image/tiff; application=geotiff";
            case "gpkg" -> "application/geopackage+sqlite3";
            case "zip" -> "application/zip";
            case "geojson", "json" -> "application/geo+json";
            case "csv" -> "text/csv";
            case "tsv" -> "text/tab-separated-values";
            case "txt" -> "text/plain";
            default -> "application/octet-stream";
        };
    }
}
