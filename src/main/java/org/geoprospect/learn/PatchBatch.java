package org.geoprospect.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.function.IntFunction;

/**
 * One batch of patches as the network's tensors: NCHW float32 inputs and sparse class labels (0 "no ore", 1 "ore").
 * The arrays belong to the manager passed in, which the caller opens per batch and closes after it.
 */
final class PatchBatch {
    private PatchBatch() {
    }

    /**
     * @param manager  the batch's manager
     * @param indices  the patches, by index in the dataset
     * @param crop     the crop of a patch, by dataset index: channels × cropSize × cropSize values
     * @param channels channels per patch
     * @param cropSize cells per crop side
     */
    static NDArray inputs(NDManager manager, int[] indices, IntFunction<float[]> crop, int channels, int cropSize) {
        int perPatch = channels * cropSize * cropSize;
        float[] values = new float[indices.length * perPatch];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(crop.apply(indices[i]), 0, values, i * perPatch, perPatch);
        }
        return manager.create(values, new Shape(indices.length, channels, cropSize, cropSize));
    }

    static NDArray labels(NDManager manager, PatchDataset data, int[] indices) {
        float[] labels = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = data.patches().get(indices[i]).ore() ? 1 : 0;
        }
        return manager.create(labels);
    }

    /** How many of the patches the logits (batch × classes) put in their class. */
    static int correct(NDArray logits, PatchDataset data, int[] indices) {
        long[] predicted = logits.argMax(1).toLongArray();
        int correct = 0;
        for (int i = 0; i < indices.length; i++) {
            correct += (predicted[i] == 1) == data.patches().get(indices[i]).ore() ? 1 : 0;
        }
        return correct;
    }
}
