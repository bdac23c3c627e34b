package org.geoprospect.interpolate;

import org.geoprospect.core.InvalidInputException;

/**
 * Parameters of inverse-distance weighting. Built with {@link #builder()}; {@link Builder#build()} checks them
 * and says what to change.
 *
 * @param power      exponent p of the weights 1/dᵖ (default 2)
 * @param neighbours k: at most this many nearest samples per cell (default 12), as gdal_grid's {@code max_points}
 * @param radius     only samples within this distance count (CRS units; {@code +∞} = no limit, the default)
 * @param minPoints  a cell with fewer samples within reach gets no data (default 1), as gdal_grid's
 *                   {@code min_points}
 * @param threads    worker threads (default: available processors); results do not depend on it
 */
public record IdwParameters(double power, int neighbours, double radius, int minPoints, int threads) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private double power = 2;
        private int neighbours = 12;
        private double radius = Double.POSITIVE_INFINITY;
        private int minPoints = 1;
        private int threads = Runtime.getRuntime().availableProcessors();

        public Builder optPower(double power) {
            this.power = power;
            return this;
        }

        public Builder optNeighbours(int neighbours) {
            this.neighbours = neighbours;
            return this;
        }

        public Builder optRadius(double radius) {
            this.radius = radius;
            return this;
        }

        public Builder optMinPoints(int minPoints) {
            this.minPoints = minPoints;
            return this;
        }

        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        public IdwParameters build() {
            if (!(power > 0) || !Double.isFinite(power)) {
                throw new InvalidInputException("power", "power must be a positive number, got " + power);
            }
            if (neighbours < 1) {
                throw new InvalidInputException("neighbours", "neighbours must be at least 1, got " + neighbours);
            }
            if (!(radius > 0)) {
                throw new InvalidInputException("radius", "radius must be positive, got " + radius);
            }
            if (minPoints < 1 || minPoints > neighbours) {
                throw new InvalidInputException("minPoints", "minimum points must be between 1 and neighbours ("
                        + neighbours + "), got " + minPoints);
            }
            if (threads < 1) {
                throw new InvalidInputException("threads", "threads must be at least 1, got " + threads);
            }
            return new IdwParameters(power, neighbours, radius, minPoints, threads);
        }
    }
}
