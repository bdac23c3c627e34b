package org.geoprospect.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.learn.Ensemble;
import org.geoprospect.learn.PatchSource;

import java.util.List;

/**
 * Runs a stored model over square windows of the element grids: each member's calibrated probability of ore per
 * window, in inference mode, one batch manager per batch so native memory stays flat however many windows there
 * are; the window's probability is the members' mean. With test-time augmentation each window is also scored
 * flipped left–right, top–bottom and both, and averaged over the four: the spread over the flips (of the members'
 * mean) is a cheap measure of how much the call depends on orientation, which the geology does not have. With
 * several members (one per spatial fold) their standard deviation (of each member's flip mean) says how much the
 * call depends on the ground the model was trained on.
 */
final class WindowScorer implements WindowScores {
    private final Ensemble model;
    private final PatchSource source;
    private final int size;
    private final boolean flips;
    private final int batchSize;

    /**
     * @param model     the members and their calibrations, on their device; not closed here
     * @param source    the element grids in the model's channel order
     * @param size      window side in cells: the model's input size
     * @param flips     whether to average over the four flips
     * @param batchSize windows per forward pass
     */
    WindowScorer(Ensemble model, PatchSource source, int size, boolean flips, int batchSize) {
        this.model = model;
        this.source = source;
        this.size = size;
        this.flips = flips;
        this.batchSize = batchSize;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Scores score(int[] rows, int[] columns, ProgressListener progress, Cancellation cancellation) {
        int n = rows.length;
        List<Ensemble.Member> members = model.members();
        int k = members.size();
        int variants = flips ? 4 : 1;
        float[] probability = new float[n];
        float[] spread = flips ? new float[n] : null;
        float[] memberSpread = k > 1 ? new float[n] : null;
        int channels = source.channels();
        int perWindow = channels * size * size;
        for (int from = 0; from < n; from += batchSize) {
            cancellation.check();
            int count = Math.min(batchSize, n - from);
            float[] values = new float[count * perWindow];
            for (int i = 0; i < count; i++) {
                System.arraycopy(source.cut(rows[from + i], columns[from + i], size), 0, values, i * perWindow,
                        perWindow);
            }
            float[][][] p = new float[k][][]; // member, flip, window
            try (NDManager batch = NDManager.newBaseManager()) {
                NDArray x = batch.create(values, new Shape(count, channels, size, size));
                NDArray[] flipped = flips ? new NDArray[] {x, x.flip(3), x.flip(2), x.flip(2, 3)} : new NDArray[] {x};
                for (int m = 0; m < k; m++) {
                    p[m] = new float[variants][];
                    for (int v = 0; v < variants; v++) {
                        p[m][v] = members.get(m).oreProbability(batch, flipped[v]);
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                double[] perFlip = new double[variants]; // the members' mean, per flip
                double[] perMember = new double[k]; // each member's mean over the flips
                for (int m = 0; m < k; m++) {
                    for (int v = 0; v < variants; v++) {
                        perFlip[v] += p[m][v][i] / (double) k;
                        perMember[m] += p[m][v][i] / (double) variants;
                    }
                }
                probability[from + i] = (float) mean(perFlip);
                if (spread != null) {
                    spread[from + i] = (float) standardDeviation(perFlip);
                }
                if (memberSpread != null) {
                    memberSpread[from + i] = (float) standardDeviation(perMember);
                }
            }
            progress.progress((double) (from + count) / n, "scored " + (from + count) + " of " + n + " windows");
        }
        return new Scores(probability, spread, memberSpread);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** The population standard deviation: the members and flips are all there are, not a sample. */
    private static double standardDeviation(double[] v) {
        double mean = mean(v);
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        return Math.sqrt(squares / v.length);
    }

    /**
     * @param probability  per window, the probability of ore
     * @param spread       per window, the standard deviation over the flips; null without them
     * @param memberSpread per window, the standard deviation over the members; null with one member
     */
    record Scores(float[] probability, float[] spread, float[] memberSpread) {
        /** @return probability, spread and member spread, in that order, each null where not scored */
        float[][] layers() {
            return new float[][] {probability, spread, memberSpread};
        }
    }
}
