package org.geoprospect.evaluate;

/**
 * One point of a success-rate or prediction-rate curve: the best-scoring {@code areaShare} of the study area holds
 * {@code depositShare} of the deposits. Both in [0, 1].
 */
public record SuccessRatePoint(double areaShare, double depositShare) {
}
