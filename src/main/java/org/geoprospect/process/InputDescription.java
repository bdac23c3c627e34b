package org.geoprospect.process;

import java.util.List;

/**
 * One process input as {@code wps-processes.xml} describes it.
 *
 * @param identifier    e.g. {@code cellSize}
 * @param dataType      for literals {@code string}, {@code double}, {@code integer} or {@code boolean};
 *                      {@code complex} for data given as a file or document; {@value #BOUNDING_BOX} for a
 *                      bounding box (WPS BoundingBoxData), given as text {@code minx,miny,maxx,maxy[,crs]}
 * @param minOccurs     0 = optional
 * @param maxOccurs     more than 1 = a list
 * @param defaultValue  the literal default, or null
 * @param allowedValues the only allowed literal values, or empty
 * @param range         the allowed numeric range, or null
 * @param formats       for complex inputs, the accepted formats (first = default)
 * @param array         whether a list literal is one array value to OGC API – Processes
 *                      ({@code urn:geoprospect:array}): described as an array of its minOccurs to maxOccurs values
 */
public record InputDescription(String identifier, String title, String abstractText, String dataType, int minOccurs,
                               int maxOccurs, String defaultValue, List<String> allowedValues, Range range,
                               List<Format> formats, boolean array) {
    /** The data type of a bounding box input or output. */
    public static final String BOUNDING_BOX = "boundingBox";

    public boolean isComplex() {
        return "complex".equals(dataType);
    }

    public boolean isBoundingBox() {
        return BOUNDING_BOX.equals(dataType);
    }

    public boolean isList() {
        return maxOccurs > 1;
    }

    /**
     * An allowed numeric range; closure as in OWS 1.1: {@code closed}, {@code open}, {@code open-closed},
     * {@code closed-open}.
     */
    public record Range(double minimum, double maximum, String closure) {
        public boolean contains(double v) {
            return (lowOpen() ? v > minimum : v >= minimum) && (highOpen() ? v < maximum : v <= maximum);
        }

        private boolean lowOpen() {
            return closure.equals("open") || closure.equals("open-closed");
        }

        private boolean highOpen() {
            return closure.equals("open") || closure.equals("closed-open");
        }

        @Override
        public String toString() {
            return (lowOpen() ? "(" : "[") + minimum + ", " + maximum + (highOpen() ? ")" : "]");
        }
    }
}
