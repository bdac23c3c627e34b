package org.geoprospect.grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts GDAL band metadata items back on a GeoTIFF that a writer without GDAL_METADATA produced (a GeoServer host's
 * GeoTools writer): {@code DESCRIPTION} names the band, {@code UNITTYPE} is its unit, the other items (normalisation
 * statistics) become band metadata, as {@link GeoTiffReader} would have read them from the original file.
 */
public final class GdalBandItems {
    private GdalBandItems() {
    }

    /**
     * @param in    the GeoTIFF as the host wrote it
     * @param items per band, its items; a band without {@code DESCRIPTION} keeps the name the reader gives it
     *              ({@code bandN}, flagged as made up); fewer maps than bands leave the rest as they are
     * @param out   the GeoTIFF to write
     */
    public static void relabel(Path in, List<Map<String, String>> items, Path out) {
        Raster raster = new GeoTiffReader().read(in);
        List<Band> bands = new ArrayList<>();
        boolean defaulted = false;
        for (int i = 0; i < raster.bands().size(); i++) {
            Band band = raster.bands().get(i);
            Map<String, String> bandItems = i < items.size() ? items.get(i) : Map.of();
            Map<String, String> metadata = new LinkedHashMap<>(band.metadata());
            bandItems.forEach((k, v) -> {
                if (!k.equals("DESCRIPTION") && !k.equals("UNITTYPE")) {
                    metadata.put(k, v);
                }
            });
            if (bandItems.containsKey("UNITTYPE")) {
                metadata.put(GdalMetadata.UNIT, bandItems.get("UNITTYPE"));
            }
            String name = bandItems.getOrDefault("DESCRIPTION", "");
            defaulted |= name.isBlank();
            bands.add(new Band(name.isBlank() ? band.name() : name.strip(), metadata, band.data()));
        }
        Map<String, String> dataset = new LinkedHashMap<>(raster.metadata());
        if (!defaulted) {
            dataset.remove(GeoTiffReader.BAND_NAMES_DEFAULTED);
        }
        new GeoTiffWriter().write(new Raster(raster.grid(), bands, dataset), out);
    }
}
