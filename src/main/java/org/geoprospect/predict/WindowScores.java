package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;

/** Scores square windows of the grid; {@link WindowScorer} with a network, anything else in tests. */
interface WindowScores {
    /** Window side in cells. */
    int size();

    /**
     * @param rows    top row of each window
     * @param columns left column of each window
     * @return per window the probability of ore, and the spread over flips (or null)
     */
    WindowScorer.Scores score(int[] rows, int[] columns, ProgressListener progress, Cancellation cancellation);
}
