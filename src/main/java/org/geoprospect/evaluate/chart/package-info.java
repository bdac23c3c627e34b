/**
 * PNG charts of evaluation results for geochemists' reports: ROC curves of single elements ({@link
 * org.geoprospect.evaluate.chart.RocChart}), success-rate, prediction-rate and training curves ({@link
 * org.geoprospect.evaluate.chart.CurveChart}) and confusion matrices ({@link
 * org.geoprospect.evaluate.chart.ConfusionMatrixChart}).
 * <p>
 * Every chart is 1200 × 900 px unless told otherwise, on white, with text of at least 14 px, and coloured with the
 * Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal Design") or a single-hue ColorBrewer scale so that readers
 * with a colour-vision deficiency can tell the lines apart. Inputs are plain arrays and records defined here, so this
 * package does not depend on the metrics that compute them. Rendering needs no display: the charts switch AWT to
 * headless mode unless the application chose otherwise.
 */
package org.geoprospect.evaluate.chart;
