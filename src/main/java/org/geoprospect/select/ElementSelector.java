package org.geoprospect.select;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.evaluate.AucSignificance;
import org.geoprospect.evaluate.Roc;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.LabelledLocations;
import org.geoprospect.grid.LabellingParameters;
import org.geoprospect.grid.LocationLabeller;
import org.geoprospect.grid.Raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Step 2 of the method: which elements are linked to known ore. Cells at deposits are ore (+), random cells away
 * from them no ore (−) ({@link LocationLabeller}); per element, the ROC AUC of the SVM's decision values
 * ({@link SvmScorer}, the paper's method) or of the raw values (Mann–Whitney, {@code RANK}), its Hanley–McNeil
 * ZAUC, and selection when ZAUC exceeds the threshold (2.58: α = 0.01). Both AUCs are reported whatever the method.
 * Locations are labelled once, on the cells where every tested band has data, so every element is judged on the
 * same n1 and n2. A band with no data or a constant band gets an undefined AUC and a note, never a NaN.
 */
public final class ElementSelector {
    /** How an element's scores are made. */
    public enum Method {
        SVM, RANK;

        public static Method parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("method", "method '" + text + "' is not svm or rank");
            }
        }
    }

    private final Method method;
    private final double threshold;
    private final LabellingParameters labelling;
    private final SvmParameters svm;

    public ElementSelector(Method method, double threshold, LabellingParameters labelling, SvmParameters svm) {
        this.method = method;
        this.threshold = threshold;
        this.labelling = labelling;
        this.svm = svm;
    }

    /**
     * @param raster   the element grids, one band per element
     * @param elements bands to test by name; empty = every band
     * @param deposits deposit points in the raster's CRS
     * @throws InvalidInputException for an unknown band name, or fewer than 3 usable deposits
     */
    public ElementSelection select(Raster raster, List<String> elements, DepositPoints deposits,
                                   ProgressListener progress, Cancellation cancellation) {
        List<Band> bands = bands(raster, elements);
        List<String> warnings = new ArrayList<>();
        List<Band> withData = new ArrayList<>();
        for (Band b : bands) {
            if (hasData(b)) {
                withData.add(b);
            } else {
                warnings.add(b.name() + ": the band has no data; its AUC is undefined");
            }
        }
        if (withData.isEmpty()) {
            throw new InvalidInputException("grid", "no band has any data");
        }
        LabelledLocations locations = new LocationLabeller(labelling).label(raster.grid(), valid(withData,
                (int) raster.grid().cellCount()), deposits);
        warnings.addAll(locations.report().warnings());
        List<ElementResult> results = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            cancellation.check();
            Band b = bands.get(i);
            progress.progress((double) i / bands.size(), "scoring " + b.name());
            results.add(withData.contains(b) ? score(b, locations) : undefined(b, "no data"));
        }
        progress.progress(1, "done");
        return new ElementSelection(method, threshold, locations, results, warnings);
    }

    /**
     * {@link #select} over {@code draws} draws, for how stable each element's selection is: draw d is the selection
     * with seed + d for both the no-ore locations and the SVM's folds (the ore locations stay), i.e. what a run with
     * that seed gives.
     *
     * @return the first draw's selection (the given seed's: its ROC curves and table) and the stability over all
     */
    public Repeated selectRepeatedly(Raster raster, List<String> elements, DepositPoints deposits, int draws,
                                     ProgressListener progress, Cancellation cancellation) {
        if (draws < 1) {
            throw new InvalidInputException("repeats", "repeats must be at least 1, got " + draws);
        }
        List<ElementSelection> selections = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            LabellingParameters l = labelling;
            ElementSelector draw = new ElementSelector(method, threshold, new LabellingParameters(
                    l.positiveBuffer(), l.exclusionBuffer(), l.negatives(), l.seed() + d), new SvmParameters(
                    svm.sigma(), svm.c(), svm.tolerance(), svm.folds(), svm.seed() + d));
            selections.add(draw.select(raster, elements, deposits, progress.slice((double) d / draws,
                    (d + 1.0) / draws), cancellation));
        }
        return new Repeated(selections.get(0), SelectionStability.of(selections));
    }

    /** A selection with the given seed and its stability over repeated draws. */
    public record Repeated(ElementSelection first, SelectionStability stability) {
    }

    private ElementResult score(Band band, LabelledLocations locations) {
        double[] pos = valuesAt(band, locations.positives());
        double[] neg = valuesAt(band, locations.negatives());
        if (isConstant(pos, neg)) {
            return undefined(band, "constant band");
        }
        double rankAuc = Roc.mannWhitneyAuc(pos, neg);
        OptionalDouble svmAuc = OptionalDouble.empty();
        Roc roc;
        if (method == Method.SVM) {
            ElementScores scores = new SvmScorer(svm).score(pos, neg);
            if (scores instanceof ElementScores.Undefined u) {
                return undefined(band, u.reason());
            }
            ElementScores.Scored s = (ElementScores.Scored) scores;
            roc = rocOf(s.positives(), s.negatives());
            svmAuc = roc.auc();
        } else {
            roc = rocOf(pos, neg);
        }
        Optional<AucSignificance> significance = AucSignificance.of(roc);
        boolean selected = significance.map(z -> z.selected(threshold)).orElse(false);
        return new ElementResult(band.name(), unit(band), roc, svmAuc, OptionalDouble.of(rankAuc), significance,
                selected, "");
    }

    private static ElementResult undefined(Band band, String reason) {
        return new ElementResult(band.name(), unit(band), Roc.of(new double[0], new boolean[0]),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), false, reason + ": AUC undefined");
    }

    private static Roc rocOf(double[] positives, double[] negatives) {
        double[] scores = new double[positives.length + negatives.length];
        boolean[] labels = new boolean[scores.length];
        System.arraycopy(positives, 0, scores, 0, positives.length);
        System.arraycopy(negatives, 0, scores, positives.length, negatives.length);
        Arrays.fill(labels, 0, positives.length, true);
        return Roc.of(scores, labels);
    }

    private static List<Band> bands(Raster raster, List<String> names) {
        if (names.isEmpty()) {
            return raster.bands();
        }
        List<Band> out = new ArrayList<>();
        for (String name : names) {
            Band b = raster.band(name);
            if (b == null) {
                throw new InvalidInputException("elements", "the grid has no band '" + name + "'; its bands are "
                        + raster.bandNames());
            }
            out.add(b);
        }
        return out;
    }

    private static boolean hasData(Band band) {
        for (float v : band.data()) {
            if (!Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] valid(List<Band> bands, int cells) {
        boolean[] valid = new boolean[cells];
        Arrays.fill(valid, true);
        for (Band b : bands) {
            float[] data = b.data();
            for (int i = 0; i < cells; i++) {
                valid[i] &= !Float.isNaN(data[i]);
            }
        }
        return valid;
    }

    private static double[] valuesAt(Band band, int[] cells) {
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = band.data()[cells[i]];
        }
        return v;
    }

    private static boolean isConstant(double[] a, double[] b) {
        double first = a.length > 0 ? a[0] : b[0];
        return Arrays.stream(a).allMatch(v -> v == first) && Arrays.stream(b).allMatch(v -> v == first);
    }

    private static String unit(Band band) {
        return band.metadata().getOrDefault("unit", "");
    }
}
