package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** Window scores from a formula of the window's top-left cell, recording which windows were asked for. */
final class FakeScores implements WindowScores {
    private final int size;
    private final IntBinaryOperator permille;
    final List<int[]> asked = new ArrayList<>();

    /** @param permille the probability × 1000 of the window at (row, column) */
    FakeScores(int size, IntBinaryOperator permille) {
        this.size = size;
        this.permille = permille;
    }

    static float probability(IntBinaryOperator permille, int row, int column) {
        return permille.applyAsInt(row, column) / 1000f;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public WindowScorer.Scores score(int[] rows, int[] columns, ProgressListener progress,
                                     Cancellation cancellation) {
        float[] p = new float[rows.length];
        float[] spread = new float[rows.length];
        float[] memberSpread = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            asked.add(new int[] {rows[i], columns[i]});
            p[i] = probability(permille, rows[i], columns[i]);
            spread[i] = p[i] / 10;
            memberSpread[i] = p[i] / 20;
        }
        return new WindowScorer.Scores(p, spread, memberSpread);
    }
}
