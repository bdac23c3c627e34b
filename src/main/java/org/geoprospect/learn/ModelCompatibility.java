package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Normalization;
import org.geoprospect.grid.Raster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that new element grids can be fed to a stored model: same CRS, same cell size (relative tolerance 1e-6)
 * and every element the model reads present among the grid's bands (in any order) — and, given the raster, each such
 * band normalised by the same method as in training. Stateless.
 */
public final class ModelCompatibility {
    private static final double TOLERANCE = 1e-6;

    private ModelCompatibility() {
    }

    /**
     * @param manifest  the model
     * @param bandNames the grid's band names
     * @param cellSizeX the grid's cell width, in its CRS units
     * @param cellSizeY the grid's cell height, in its CRS units
     * @param crs       the grid's CRS
     * @return for each of the model's channels, the index of the grid band that feeds it
     * @throws InvalidInputException (input {@code grid}) naming every difference, e.g. "the grid lacks Au, Sb"
     */
    public static int[] bandOrder(ModelManifest manifest, List<String> bandNames, double cellSizeX,
                                  double cellSizeY, Crs crs) {
        ModelManifest.Inputs inputs = manifest.inputs();
        List<String> problems = new ArrayList<>();
        if (!sameCrs(inputs.crs(), crs)) {
            problems.add("the model was trained in " + inputs.crs() + ", the grid is " + crs.id() + " — reproject");
        }
        if (!close(inputs.cellSizeX(), cellSizeX) || !close(inputs.cellSizeY(), cellSizeY)) {
            String unit = crs.isGeographic() ? "°" : " m";
            problems.add("the model expects cell size " + size(inputs.cellSizeX(), inputs.cellSizeY()) + unit
                    + ", the grid has " + size(cellSizeX, cellSizeY) + unit);
        }
        List<String> elements = inputs.elementNames();
        int[] order = new int[elements.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < order.length; c++) {
            order[c] = indexOf(bandNames, elements.get(c));
            if (order[c] < 0) {
                missing.add(elements.get(c));
            }
        }
        if (!missing.isEmpty()) {
            problems.add("the grid lacks " + String.join(", ", missing) + " (it has " + String.join(", ", bandNames)
                    + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("grid", "model '" + manifest.id() + "' does not fit this grid: "
                    + String.join("; ", problems));
        }
        return order;
    }

    /**
     * {@link #bandOrder(ModelManifest, List, double, double, Crs)} for a raster, and each band that feeds the model
     * normalised as in training: the same method and log10 flag. The statistics (mean, σ) may differ — another
     * area is normalised by its own, as the paper does for its area B — but a z-score grid fed to a model trained
     * on min-max values would be read on the wrong scale.
     *
     * @param warnings receives a note for each band that records no normalisation, which cannot be checked
     * @throws InvalidInputException (input {@code grid}) naming every difference
     */
    public static int[] bandOrder(ModelManifest manifest, Raster raster, Warnings warnings) {
        GridGeometry grid = raster.grid();
        int[] order = bandOrder(manifest, raster.bandNames(), grid.cellWidth(), grid.cellHeight(), grid.crs());
        List<String> problems = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (int c = 0; c < order.length; c++) {
            ModelManifest.Element element = manifest.inputs().elements().get(c);
            Band band = raster.bands().get(order[c]);
            Normalization trained = element.normalization();
            Normalization given = Normalization.fromMetadata(band.metadata());
            if (trained == null || given == null) {
                unchecked.add(band.name());
            } else if (!trained.method().equals(given.method()) || trained.log10() != given.log10()) {
                problems.add(band.name() + " is " + describe(given) + ", the model was trained on "
                        + describe(trained));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("grid", "model '" + manifest.id() + "' does not fit this grid: "
                    + String.join("; ", problems) + " — interpolate again with the model's normalisation");
        }
        if (!unchecked.isEmpty()) {
            warnings.add("cannot check that " + String.join(", ", unchecked) + " are normalised as the model's "
                    + "training grids were (no normalisation recorded); the probabilities assume they are");
        }
        return order;
    }

    private static String describe(Normalization n) {
        return (n.log10() ? "log10 + " : "") + n.method();
    }

    private static boolean sameCrs(String modelCrs, Crs gridCrs) {
        if (modelCrs.equals(gridCrs.id())) {
            return true;
        }
        try {
            return Crs.parse(modelCrs).sameAs(gridCrs);
        } catch (InvalidInputException e) {
            return false; // a CRS named without a code matches only by name
        }
    }

    private static int indexOf(List<String> bandNames, String element) {
        int exact = bandNames.indexOf(element);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < bandNames.size(); i++) {
            if (bandNames.get(i).equalsIgnoreCase(element)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= TOLERANCE * Math.abs(expected);
    }

    private static String size(double x, double y) {
        return close(x, y) ? number(x) : number(x) + " × " + number(y);
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
