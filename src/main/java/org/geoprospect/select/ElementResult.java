package org.geoprospect.select;

import org.geoprospect.evaluate.AucSignificance;
import org.geoprospect.evaluate.Roc;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One element's row of the selection table.
 *
 * @param element      band name
 * @param unit         the band's unit, or empty
 * @param roc          ROC of the chosen method's scores (undefined when the element could not be scored)
 * @param svmAuc       AUC of the SVM's decision values (empty when not computed or undefined)
 * @param rankAuc      AUC of the raw values, Mann–Whitney (empty when undefined)
 * @param significance AUC, Hanley–McNeil σ, ZAUC and p of the chosen method (empty when undefined)
 * @param selected     ZAUC above the threshold
 * @param note         why an AUC is undefined ("constant band", "no data"), or empty
 */
public record ElementResult(String element, String unit, Roc roc, OptionalDouble svmAuc, OptionalDouble rankAuc,
                            Optional<AucSignificance> significance, boolean selected, String note) {
}
