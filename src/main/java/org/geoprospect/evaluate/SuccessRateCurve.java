package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;

import java.util.ArrayList;
import java.util.List;

/**
 * Share of deposits captured against share of area, with cells ranked by score, highest first (Chung &amp; Fabbri
 * 2003). A steep start means a small target area holds many deposits; the diagonal is a random map. Applied to the
 * deposits the model was trained on it is the <em>success-rate</em> curve (goodness of fit); applied to held-out
 * deposits it is the <em>prediction-rate</em> curve (predictive power): the same class, only the deposits differ.
 * <p>
 * The study area is the cells whose score is not NaN. Each deposit counts once, so a cell holding three deposits
 * weighs three. Cells with tied scores cannot be ordered, so a tie group is entered all at once (a straight
 * segment), and {@link #captureAt} interpolates linearly within it: the expected capture of taking that part of the
 * tie group at random. Immutable and thread-safe.
 */
public final class SuccessRateCurve {
    private final List<SuccessRatePoint> points;
    private final int deposits;

    private SuccessRateCurve(List<SuccessRatePoint> points, int deposits) {
        this.points = points;
        this.deposits = deposits;
    }

    /**
     * @param scores       per cell, row-major as the grid; NaN = no data, outside the study area
     * @param depositCells the cell index of each deposit; repeated for a cell holding several
     * @param warnings     receives a note for deposits on a no-data cell, which are left out of the count
     * @throws InvalidInputException if a cell index is outside the grid, no cell has data, or no deposit lies on a
     *                               cell with data
     */
    public static SuccessRateCurve of(float[] scores, int[] depositCells, Warnings warnings) {
        int[] depositsPerCell = new int[scores.length];
        int onNoData = 0;
        for (int cell : depositCells) {
            if (cell < 0 || cell >= scores.length) {
                throw new InvalidInputException("deposits", "deposit cell " + cell + " is outside the grid of "
                        + scores.length + " cells");
            }
            if (Float.isNaN(scores[cell])) {
                onNoData++;
            } else {
                depositsPerCell[cell]++;
            }
        }
        if (onNoData > 0) {
            warnings.add(onNoData + " deposit(s) lie on cells without a score and were left out of the "
                    + "success-rate curve");
        }
        int cells = 0;
        for (float s : scores) {
            cells += Float.isNaN(s) ? 0 : 1;
        }
        int deposits = depositCells.length - onNoData;
        if (cells == 0 || deposits == 0) {
            throw new InvalidInputException(cells == 0 ? "scores" : "deposits", cells == 0
                    ? "no cell has a score" : "no deposit lies on a cell with a score");
        }
        double[] cellScores = new double[cells];
        double[] area = new double[cells];
        double[] captured = new double[cells];
        for (int i = 0, k = 0; i < scores.length; i++) {
            if (!Float.isNaN(scores[i])) {
                cellScores[k] = scores[i];
                area[k] = 1;
                captured[k++] = depositsPerCell[i];
            }
        }
        List<SuccessRatePoint> points = new ArrayList<>();
        points.add(new SuccessRatePoint(0, 0));
        for (TieGroupSweep.Step step : TieGroupSweep.sweep(cellScores, area, captured)) {
            points.add(new SuccessRatePoint(step.x() / cells, step.y() / deposits));
        }
        return new SuccessRateCurve(List.copyOf(points), deposits);
    }

    /** From (0, 0) to (1, 1), one point per distinct score, best scores first. */
    public List<SuccessRatePoint> points() {
        return points;
    }

    /** The deposits counted: those on cells with a score. */
    public int deposits() {
        return deposits;
    }

    /** The area under the curve by the trapezoid rule; 0.5 for a random map, 1 for a perfect one. */
    public double auc() {
        return TieGroupSweep.trapezoidArea(points.stream().mapToDouble(SuccessRatePoint::areaShare).toArray(),
                points.stream().mapToDouble(SuccessRatePoint::depositShare).toArray());
    }

    /**
     * The share of deposits in the best-scoring {@code areaShare} of the area, e.g. 0.1 → the top 10 %.
     *
     * @throws InvalidInputException if {@code areaShare} is not in [0, 1]
     */
    public double captureAt(double areaShare) {
        if (!(areaShare >= 0 && areaShare <= 1)) {
            throw new InvalidInputException("areaShare", "area share " + areaShare + " is not in [0, 1]");
        }
        int i = 1;
        while (points.get(i).areaShare() < areaShare) {
            i++;
        }
        SuccessRatePoint a = points.get(i - 1);
        SuccessRatePoint b = points.get(i);
        double t = (areaShare - a.areaShare()) / (b.areaShare() - a.areaShare());
        return a.depositShare() + t * (b.depositShare() - a.depositShare());
    }
}
