package org.geoprospect.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How stable a selection is over several draws of the no-ore locations: per element, in how many draws it was
 * selected and the spread of its AUC. The stable selection is the elements selected in at least half of the draws
 * (a majority vote over the draws, ties counted as selected).
 *
 * @param draws    the number of draws
 * @param elements one row per element, in band order
 */
public record SelectionStability(int draws, List<ElementStability> elements) {
    public SelectionStability {
        elements = List.copyOf(elements);
    }

    /**
     * @param selectedIn draws in which the element was selected
     * @param scoredIn   draws in which its AUC was defined (the mean and spread are over these)
     * @param aucSd      sample standard deviation of the AUC (0 with one scored draw)
     */
    public record ElementStability(String element, int selectedIn, int scoredIn, double aucMean, double aucSd,
                                   double aucMin, double aucMax) {
    }

    /** @param draws the selections of each draw, on the same elements in the same order */
    public static SelectionStability of(List<ElementSelection> draws) {
        Map<String, List<ElementResult>> byElement = new LinkedHashMap<>();
        for (ElementSelection draw : draws) {
            for (ElementResult r : draw.elements()) {
                byElement.computeIfAbsent(r.element(), e -> new ArrayList<>()).add(r);
            }
        }
        List<ElementStability> rows = new ArrayList<>();
        byElement.forEach((element, results) -> {
            int selected = (int) results.stream().filter(ElementResult::selected).count();
            double[] aucs = results.stream().filter(r -> r.significance().isPresent())
                    .mapToDouble(r -> r.significance().get().auc()).toArray();
            double mean = 0;
            for (double a : aucs) {
                mean += a / aucs.length;
            }
            double ss = 0;
            double min = Double.NaN;
            double max = Double.NaN;
            for (double a : aucs) {
                ss += (a - mean) * (a - mean);
                min = Double.isNaN(min) ? a : Math.min(min, a);
                max = Double.isNaN(max) ? a : Math.max(max, a);
            }
            rows.add(new ElementStability(element, selected, aucs.length, aucs.length == 0 ? Double.NaN : mean,
                    aucs.length > 1 ? Math.sqrt(ss / (aucs.length - 1)) : aucs.length == 1 ? 0 : Double.NaN, min,
                    max));
        });
        return new SelectionStability(draws.size(), rows);
    }

    /** @return the element's share of draws in which it was selected */
    public double frequency(ElementStability e) {
        return (double) e.selectedIn() / draws;
    }

    /** The elements selected in at least half of the draws, in band order. */
    public List<String> selected() {
        return elements.stream().filter(e -> 2 * e.selectedIn() >= draws).map(ElementStability::element).toList();
    }
}
