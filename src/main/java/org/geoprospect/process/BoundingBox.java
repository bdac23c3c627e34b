package org.geoprospect.process;

import org.geoprospect.core.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value of a bounding box input or output: its lower corner then its upper (4 numbers, or 6 with heights) and
 * its CRS. Hosts pass it as text in the form of WPS 1.0.0's key-value encoding, {@code minx,miny,maxx,maxy[,crs]}.
 * The corners are not ordered: a box across the antimeridian has minx above maxx.
 *
 * @param coordinates 4 or 6 finite numbers
 * @param crs         its CRS, or null for the default (OGC CRS84)
 */
public record BoundingBox(List<Double> coordinates, String crs) {
    public BoundingBox {
        coordinates = List.copyOf(coordinates);
        if (coordinates.size() != 4 && coordinates.size() != 6) {
            throw new IllegalArgumentException("a bounding box has 4 or 6 coordinates, not " + coordinates.size());
        }
    }

    /**
     * @param input the input the text is for; the error names it
     * @throws InvalidInputException for text that is no bounding box
     */
    public static BoundingBox parse(String input, String text) {
        String[] parts = text.split(",", -1);
        List<Double> coordinates = new ArrayList<>();
        String crs = null;
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k].strip();
            try {
                double v = Double.parseDouble(part);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                coordinates.add(v);
            } catch (NumberFormatException e) {
                if (k < parts.length - 1 || part.isEmpty() || coordinates.isEmpty()) {
                    throw invalid(input, text);
                }
                crs = part;
            }
        }
        if (coordinates.size() != 4 && coordinates.size() != 6) {
            throw invalid(input, text);
        }
        return new BoundingBox(coordinates, crs);
    }

    /** @return {@code minx,miny,maxx,maxy[,crs]}, whole numbers without a fraction */
    @Override
    public String toString() {
        String numbers = coordinates.stream().map(v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(","));
        return crs == null ? numbers : numbers + "," + crs;
    }

    private static InvalidInputException invalid(String input, String text) {
        return new InvalidInputException(input, "input '" + input + "': '" + text + "' is no bounding box; give "
                + "minx,miny,maxx,maxy (or 6 numbers with heights) and optionally the CRS");
    }
}
