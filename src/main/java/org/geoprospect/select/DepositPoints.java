package org.geoprospect.select;

import org.geoprospect.core.InvalidInputException;

import java.util.List;

/**
 * Known deposits as points in the CRS of the grid they are labelled on, each with a label (a name or
 * "file.csv, line 17") by which warnings name it. Arrays are not copied.
 *
 * @param x      easting (grid CRS units)
 * @param y      northing (grid CRS units)
 * @param labels per deposit, how messages name it
 */
public record DepositPoints(double[] x, double[] y, List<String> labels) {
    public DepositPoints {
        labels = List.copyOf(labels);
        if (x.length != y.length || labels.size() != x.length) {
            throw new InvalidInputException("deposits", "deposits need one x, one y and one label each, got "
                    + x.length + " x, " + y.length + " y and " + labels.size() + " labels");
        }
    }

    public int size() {
        return x.length;
    }
}
