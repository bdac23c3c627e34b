package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the points of an ESRI shapefile's geometry ({@code .shp}), record by record through its index
 * ({@code .shx}), as the ESRI Shapefile Technical Description (1998) lays them out: Point (1), PointZ (11),
 * PointM (21), and MultiPoint (8, 18, 28) holding one point. Z and M are not read. A null shape (0) or an empty
 * multipoint gives {@code null}; any other shape type is refused. Stateless.
 */
final class ShpPoints {
    private static final int FILE_CODE = 9994;
    private static final int HEADER = 100;
    private static final Map<Integer, String> TYPE_NAMES = Map.ofEntries(Map.entry(0, "Null"),
            Map.entry(1, "Point"), Map.entry(3, "PolyLine"), Map.entry(5, "Polygon"), Map.entry(8, "MultiPoint"),
            Map.entry(11, "PointZ"), Map.entry(13, "PolyLineZ"), Map.entry(15, "PolygonZ"),
            Map.entry(18, "MultiPointZ"), Map.entry(21, "PointM"), Map.entry(23, "PolyLineM"),
            Map.entry(25, "PolygonM"), Map.entry(28, "MultiPointM"), Map.entry(31, "MultiPatch"));

    private ShpPoints() {
    }

    /**
     * @param source the shapefile's name for messages
     * @return per record in index order, its point as {x, y}, or null for a null shape or an empty multipoint
     * @throws InvalidInputException naming the file (and record) for a file that is not a shapefile, is cut short,
     *                               or holds shapes other than single points
     */
    static List<double[]> read(Path shp, Path shx, String source) {
        ByteBuffer index = bytes(shx);
        ByteBuffer shapes = bytes(shp);
        checkHeader(index, shx);
        checkHeader(shapes, shp);
        int layerType = shapes.getInt(32);
        if (layerType != 0 && !isPoint(layerType)) {
            throw new InvalidInputException("samples", source + ": holds " + typeName(layerType)
                    + " shapes; expected points");
        }
        int count = (index.limit() - HEADER) / 8;
        List<double[]> points = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            long offset = 2L * bigEndianInt(index, HEADER + 8 * r); // the index counts 16-bit words
            points.add(point(shapes, offset, source + ", record " + (r + 1)));
        }
        return points;
    }

    private static double[] point(ByteBuffer b, long offset, String where) {
        long content = offset + 8; // after record number and content length
        require(b, content, 4, where);
        int type = b.getInt((int) content);
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21:
                require(b, content + 4, 16, where);
                return new double[] {b.getDouble((int) content + 4), b.getDouble((int) content + 12)};
            case 8, 18, 28: {
                require(b, content + 36, 4, where); // after the bounding box
                int n = b.getInt((int) content + 36);
                if (n == 0) {
                    return null;
                }
                if (n > 1) {
                    throw new InvalidInputException("samples", where + ": a multipoint of " + n
                            + " points; expected single points");
                }
                require(b, content + 40, 16, where);
                return new double[] {b.getDouble((int) content + 40), b.getDouble((int) content + 48)};
            }
            default:
                throw new InvalidInputException("samples", where + ": shape type " + typeName(type)
                        + "; expected points");
        }
    }

    private static boolean isPoint(int type) {
        return type == 1 || type == 11 || type == 21 || type == 8 || type == 18 || type == 28;
    }

    private static String typeName(int type) {
        return TYPE_NAMES.getOrDefault(type, "unknown") + " (" + type + ")";
    }

    private static void require(ByteBuffer b, long at, int bytes, String where) {
        if (at < 0 || at + bytes > b.limit()) {
            throw new InvalidInputException("samples", where + ": the .shp file is cut short");
        }
    }

    private static void checkHeader(ByteBuffer b, Path file) {
        if (b.limit() < HEADER || bigEndianInt(b, 0) != FILE_CODE) {
            throw new InvalidInputException("samples", file.getFileName() + ": not a shapefile (bad header)");
        }
    }

    /** The file codes and offsets are big-endian, the shapes little-endian. */
    private static int bigEndianInt(ByteBuffer littleEndian, int at) {
        return Integer.reverseBytes(littleEndian.getInt(at));
    }

    /** Read whole rather than mapped, so that a temporary copy (from a zip) can be deleted at once on any OS. */
    private static ByteBuffer bytes(Path file) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new InvalidInputException("samples", file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
