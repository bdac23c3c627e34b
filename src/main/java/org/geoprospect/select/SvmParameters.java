package org.geoprospect.select;

import org.geoprospect.core.InvalidInputException;

/**
 * Parameters of the per-element SVM. Built with {@link #builder()}; {@link Builder#build()} checks them and says
 * what to change.
 *
 * @param sigma     width σ of the Gaussian kernel exp(−(u − v)² / 2σ²), in standard deviations of the element's
 *                  pooled values at the labelled cells (default 1), so the same σ suits every element
 * @param c         C, the soft-margin penalty on misclassified training points (default 1)
 * @param tolerance stopping tolerance of the solver (default 1e-3)
 * @param folds     cross-validation folds (default 5): each location is scored by a model not trained on it;
 *                  1 = fit and score the same locations (in-sample)
 * @param seed      seed of the fold assignment and of the solver's visiting order (default 0)
 */
public record SvmParameters(double sigma, double c, double tolerance, int folds, long seed) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private double sigma = 1.0;
        private double c = 1.0;
        private double tolerance = 1e-3;
        private int folds = 5;
        private long seed = 0;

        public Builder optSigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        public Builder optC(double c) {
            this.c = c;
            return this;
        }

        public Builder optTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public Builder optFolds(int folds) {
            this.folds = folds;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public SvmParameters build() {
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new InvalidInputException("sigma", "kernel width sigma must be a positive number (in standard "
                        + "deviations), got " + sigma);
            }
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new InvalidInputException("C", "C must be a positive number, got " + c);
            }
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new InvalidInputException("tolerance", "tolerance must be a positive number, got " + tolerance);
            }
            if (folds < 1) {
                throw new InvalidInputException("folds", "folds must be at least 1 (1 = no cross-validation), got "
                        + folds);
            }
            return new SvmParameters(sigma, c, tolerance, folds, seed);
        }
    }
}
