package org.geoprospect.select;

/** The Mann–Whitney AUC by its definition, for tests: P(positive score > negative score) + ½ P(tie), all pairs. */
final class RankAuc {
    private RankAuc() {
    }

    static double of(double[] positives, double[] negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double q : negatives) {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.length * negatives.length);
    }
}
