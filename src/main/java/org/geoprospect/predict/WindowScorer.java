package org.geoprospect.predict;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.learn.Calibration;
import org.geoprospect.learn.PatchSource;

/**
 * Runs a trained network over square windows of the element grids: the softmax probability of "ore" (class 1) per
 * window, in inference mode, one batch manager per batch so native memory stays flat however many windows there
 * are. With test-time augmentation each window is also scored flipped left–right, top–bottom and both; its
 * probability is then the mean of the four and its spread their standard deviation, a cheap measure of how much
 * the call depends on orientation, which the geology does not have.
 */
final class WindowScorer implements WindowScores {
    private final Model model;
    private final PatchSource source;
    private final int size;
    private final boolean flips;
    private final int batchSize;
    private final Calibration calibration;

    /**
     * @param model     the network, on its device; not closed here
     * @param source    the element grids in the network's channel order
     * @param size      window side in cells: the network's input size
     * @param flips     whether to average over the four flips
     * @param batchSize windows per forward pass
     * @param calibration the model's: probabilities are σ(slope · (ore logit − no-ore logit) + intercept)
     */
    WindowScorer(Model model, PatchSource source, int size, boolean flips, int batchSize, Calibration calibration) {
        this.model = model;
        this.source = source;
        this.size = size;
        this.flips = flips;
        this.batchSize = batchSize;
        this.calibration = calibration;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Scores score(int[] rows, int[] columns, ProgressListener progress, Cancellation cancellation) {
        int n = rows.length;
        float[] probability = new float[n];
        float[] spread = flips ? new float[n] : null;
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
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(values, new Shape(count, channels, size, size));
                float[] plain = oreProbability(batch, x);
                if (!flips) {
                    System.arraycopy(plain, 0, probability, from, count);
                } else {
                    float[][] all = {plain, oreProbability(batch, x.flip(3)), oreProbability(batch, x.flip(2)),
                            oreProbability(batch, x.flip(2, 3))};
                    for (int i = 0; i < count; i++) {
                        double sum = 0;
                        double squares = 0;
                        for (float[] p : all) {
                            sum += p[i];
                            squares += (double) p[i] * p[i];
                        }
                        double mean = sum / all.length;
                        probability[from + i] = (float) mean;
                        spread[from + i] = (float) Math.sqrt(Math.max(0, squares / all.length - mean * mean));
                    }
                }
            }
            progress.progress((double) (from + count) / n, "scored " + (from + count) + " of " + n + " windows");
        }
        return new Scores(probability, spread);
    }

    private float[] oreProbability(NDManager batch, NDArray x) {
        NDArray logits = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), false)
                .singletonOrThrow();
        NDArray margin = logits.get(":, 1").sub(logits.get(":, 0"));
        return Activation.sigmoid(margin.mul(calibration.slope()).add(calibration.intercept())).toFloatArray();
    }

    /**
     * @param probability per window, the probability of ore
     * @param spread      per window, the standard deviation over the flips; null without them
     */
    record Scores(float[] probability, float[] spread) {
    }
}
