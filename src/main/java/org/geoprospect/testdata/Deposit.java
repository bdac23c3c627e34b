package org.geoprospect.testdata;

/**
 * A synthetic deposit and its geochemical halo.
 *
 * @param id        1-based number, the same in {@code deposits.csv} and {@code truth.json}
 * @param name      display name
 * @param x         easting, whole metres
 * @param y         northing, whole metres
 * @param status    size class from the strength: {@code occurrence}, {@code prospect} or {@code mine}
 * @param known     true: listed in {@code deposits.csv}; false: hidden, only in {@code truth.json}
 * @param radius    halo radius r in metres (the standard deviation of the Gaussian halo)
 * @param strength  w, the multiplier of every element's halo amplitude
 * @param structure id of the structure it lies along, or 0 when placed at random
 */
public record Deposit(int id, String name, double x, double y, String status, boolean known, double radius,
                      double strength, int structure) {
}
