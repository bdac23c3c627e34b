package org.geoprospect.evaluate.chart;

/** Checks of the x/y arrays a chart line is made of, with messages that name the line and the array. */
final class Points {
    private Points() {
    }

    /** @throws IllegalArgumentException when an array is missing or empty or the two differ in length */
    static void checkSameLength(String line, double[] x, double[] y, String xName, String yName) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(line + ": " + (x == null ? xName : yName) + " is missing");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(line + ": " + xName + " has " + x.length + " values but " + yName
                    + " has " + y.length + "; each point needs both");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(line + ": a line needs at least one point");
        }
    }

    /** @throws IllegalArgumentException when a value is NaN or outside 0–1 */
    static void checkFraction(String line, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(line + ": " + name + "[" + i + "] = " + values[i]
                        + " is not a rate in 0–1");
            }
        }
    }
}
