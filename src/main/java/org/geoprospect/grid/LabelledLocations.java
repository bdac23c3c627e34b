package org.geoprospect.grid;

/**
 * Grid cells labelled ore (positive) and no-ore (negative), by row-major cell index, each array in ascending
 * order and the two disjoint; all are valid cells. Arrays are not copied.
 *
 * @param positives cells at or within the positive buffer of a usable deposit
 * @param negatives cells sampled without replacement from those beyond every deposit's exclusion buffer
 * @param report    counts, and the deposits that could not be used
 */
public record LabelledLocations(int[] positives, int[] negatives, LabellingReport report) {
}
