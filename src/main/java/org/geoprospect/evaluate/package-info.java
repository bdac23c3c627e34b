/**
 * Evaluate: the measures every later step reports, in plain Java with no I/O except the writers.
 * <ul>
 *   <li>{@link org.geoprospect.evaluate.Roc}: the ROC curve with tied scores stepped over together, as Fawcett
 *       (2006) "An introduction to ROC analysis", Pattern Recognition Letters 27:861–874, algorithm 2, so that its
 *       trapezoid area equals the Mann–Whitney statistic with ties counted ½.</li>
 *   <li>{@link org.geoprospect.evaluate.AucSignificance}: the standard error of an AUC after Hanley &amp; McNeil
 *       (1982) "The meaning and use of the area under a receiver operating characteristic (ROC) curve", Radiology
 *       143:29–36, and the paper's ZAUC = (AUC − 0.5)/σ that selects elements.</li>
 *   <li>{@link org.geoprospect.evaluate.ConfusionMatrix} and {@link org.geoprospect.evaluate.ClassificationMetrics}:
 *       accuracy, precision, recall, specificity and F1 of the "ore" / "no ore" classifier.</li>
 *   <li>{@link org.geoprospect.evaluate.SuccessRateCurve}: the success-rate (training deposits) and prediction-rate
 *       (held-out deposits) curves of Chung &amp; Fabbri (2003) "Validation of spatial prediction models for
 *       landslide hazard mapping", Natural Hazards 30:451–472.</li>
 *   <li>{@link org.geoprospect.evaluate.MetricsJson} and {@link org.geoprospect.evaluate.CurveCsv}: the writers.</li>
 * </ul>
 */
package org.geoprospect.evaluate;
