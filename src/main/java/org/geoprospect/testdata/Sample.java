package org.geoprospect.testdata;

/**
 * One analysed stream-sediment sample.
 *
 * @param id     sample number as written, e.g. {@code GS00017}
 * @param x      easting, whole metres
 * @param y      northing, whole metres
 * @param values one per element of the survey, in that element's unit, as analysed (with analytical error);
 *               {@code NaN} where the sample was not analysed. Values below the detection limit are kept here and
 *               reported as {@code <limit} only when written.
 */
public record Sample(String id, double x, double y, double[] values) {
}
