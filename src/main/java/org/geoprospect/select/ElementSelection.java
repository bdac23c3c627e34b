package org.geoprospect.select;

import java.util.List;
import org.geoprospect.grid.LabelledLocations;

/**
 * The outcome of {@link ElementSelector}: one row per element, the labelled locations they were judged on, and the
 * warnings (deposits off the grid or on no data, fewer negatives than asked, bands without data).
 */
public record ElementSelection(ElementSelector.Method method, double threshold, LabelledLocations locations,
                               List<ElementResult> elements, List<String> warnings) {
    public ElementSelection {
        elements = List.copyOf(elements);
        warnings = List.copyOf(warnings);
    }

    /** The selected elements, in band order. */
    public List<String> selected() {
        return elements.stream().filter(ElementResult::selected).map(ElementResult::element).toList();
    }
}
