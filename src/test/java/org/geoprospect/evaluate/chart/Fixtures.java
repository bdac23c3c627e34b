package org.geoprospect.evaluate.chart;

/** Plausible chart inputs for the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * The ROC curve of a binormal score whose ore class lies {@code separation} standard deviations above the
     * background, with its AUC Φ(separation / √2) from the trapezoidal rule.
     */
    static RocChart.Curve binormalRoc(String name, double separation, boolean highlighted) {
        int n = 60;
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        double auc = 0;
        for (int i = 0; i <= n; i++) {
            double threshold = 4 - 8.0 * i / n;
            fpr[i] = 1 - phi(threshold);
            tpr[i] = 1 - phi(threshold - separation);
            if (i > 0) {
                auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
            }
        }
        fpr[n] = 1;
        tpr[n] = 1;
        return new RocChart.Curve(name, fpr, tpr, Math.min(1, Math.max(0, auc)), highlighted);
    }

    /** The standard normal CDF (Abramowitz &amp; Stegun 7.1.26, error below 1e-7). */
    static double phi(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z / 2);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
