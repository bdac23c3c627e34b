package org.geoprospect.server.features;

import org.geoprospect.core.InvalidInputException;

import java.util.Locale;

/**
 * The query of an items request (OGC API – Features Part 1): {@code limit} (1 or more, default {@value #DEFAULT};
 * above {@value #MAX} the maximum is used, as the standard asks), {@code offset} (the features skipped, default 0)
 * and {@code bbox} in CRS84 (west,south,east,north, or six numbers with heights, which are ignored; west above
 * east crosses the antimeridian).
 *
 * @param bbox the box, or null for none
 */
record ItemsQuery(int limit, int offset, double[] bbox) {
    static final int DEFAULT = 100;
    static final int MAX = 10_000;

    /**
     * @param bboxCrs the {@code bbox-crs} parameter, or null
     * @throws InvalidInputException naming the parameter that is not what the standard allows
     */
    static ItemsQuery parse(String limit, String offset, String bbox, String bboxCrs) {
        int l = limit == null ? DEFAULT : Math.min(MAX, whole("limit", limit, 1));
        int o = offset == null ? 0 : whole("offset", offset, 0);
        if (bboxCrs != null && !bboxCrs.strip().toLowerCase(Locale.ROOT).endsWith("crs84")) {
            throw new InvalidInputException("bbox-crs", "bbox-crs '" + bboxCrs + "' is not supported; give the bbox "
                    + "in CRS84 (http://www.opengis.net/def/crs/OGC/1.3/CRS84)");
        }
        return new ItemsQuery(l, o, bbox == null ? null : box(bbox));
    }

    private static int whole(String name, String text, int min) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min) {
                return (int) Math.min(Integer.MAX_VALUE, v);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(name, name + " '" + text + "' must be a whole number ≥ " + min);
    }

    private static double[] box(String text) {
        String[] parts = text.split(",");
        String usage = "bbox '" + text + "' must be west,south,east,north in CRS84 degrees (longitude −180…180, "
                + "latitude −90…90, south ≤ north)";
        if (parts.length != 4 && parts.length != 6) {
            throw new InvalidInputException("bbox", usage);
        }
        double[] v = new double[parts.length];
        try {
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bbox", usage);
        }
        int h = parts.length == 6 ? 1 : 0;
        double[] box = {v[0], v[1], v[2 + h], v[3 + h]};
        for (int i = 0; i < 4; i++) {
            if (!Double.isFinite(box[i]) || Math.abs(box[i]) > (i % 2 == 0 ? 180 : 90)) {
                throw new InvalidInputException("bbox", usage);
            }
        }
        if (box[1] > box[3]) {
            throw new InvalidInputException("bbox", usage);
        }
        return box;
    }
}
