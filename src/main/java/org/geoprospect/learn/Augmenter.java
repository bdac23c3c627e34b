package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;

import java.util.SplittableRandom;

/**
 * The training-time augmentation of Gao et al. §4.2: before each epoch, each patch is flipped west–east and
 * north–south, each with probability ½, and cropped from {@code size} to {@code cropSize} cells at a uniformly
 * random offset (paper: 256 → 224). Validation and prediction take the deterministic centre crop instead. Values
 * are in the {@link Patch} layout (channel-major, rows north-first), in and out.
 * <p>
 * A draw depends only on the seed, the epoch and the patch's index, not on the order patches are visited, so
 * epochs are reproducible and patches may be augmented in parallel. Ore patches from {@link PatchSampler} keep
 * their deposit inside every crop. Thread-safe.
 */
public final class Augmenter {
    private final int size;
    private final int cropSize;
    private final long seed;

    /**
     * @throws InvalidInputException ({@code cropSize}) unless 1 ≤ cropSize ≤ size
     */
    public Augmenter(int size, int cropSize, long seed) {
        if (cropSize < 1 || cropSize > size) {
            throw new InvalidInputException("cropSize", "crop size must be between 1 and the patch size (" + size
                    + "), got " + cropSize);
        }
        this.size = size;
        this.cropSize = cropSize;
        this.seed = seed;
    }

    /** The flips and crop offset for one patch in one epoch. */
    public Augmentation draw(int epoch, int patchIndex) {
        // hashed, not added: SplittableRandom streams whose seeds differ by a multiple of its increment overlap
        SplittableRandom random = new SplittableRandom(mix(mix(seed + epoch) + patchIndex));
        int slack = size - cropSize + 1;
        return new Augmentation(random.nextBoolean(), random.nextBoolean(), random.nextInt(slack),
                random.nextInt(slack));
    }

    /** A patch's values augmented as drawn for this epoch: channels × cropSize × cropSize. */
    public float[] augment(Patch patch, int epoch, int patchIndex) {
        return apply(patch.values(), patch.channels(), draw(epoch, patchIndex));
    }

    /** The centre crop, unflipped, of channels × size × size values: for validation and prediction. */
    public float[] centreCrop(float[] values, int channels) {
        int offset = (size - cropSize) / 2;
        return apply(values, channels, new Augmentation(false, false, offset, offset));
    }

    /**
     * Crops channels × size × size values at (top, left) to cropSize × cropSize, then flips as asked.
     *
     * @throws IllegalArgumentException when the values are not channels × size × size or the crop leaves the patch
     */
    public float[] apply(float[] values, int channels, Augmentation augmentation) {
        int top = augmentation.top();
        int left = augmentation.left();
        if (values.length != channels * size * size || top < 0 || left < 0 || top + cropSize > size
                || left + cropSize > size) {
            throw new IllegalArgumentException("cannot crop " + cropSize + " × " + cropSize + " at (" + top + ", "
                    + left + ") from " + values.length + " values of " + channels + " × " + size + " × " + size);
        }
        float[] out = new float[channels * cropSize * cropSize];
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < cropSize; r++) {
                int sourceRow = top + (augmentation.verticalFlip() ? cropSize - 1 - r : r);
                int from = (c * size + sourceRow) * size + left;
                if (augmentation.horizontalFlip()) {
                    for (int q = cropSize - 1; q >= 0; q--) {
                        out[k++] = values[from + q];
                    }
                } else {
                    System.arraycopy(values, from, out, k, cropSize);
                    k += cropSize;
                }
            }
        }
        return out;
    }

    /** Stafford's "Mix13" 64-bit finaliser, the one SplittableRandom applies to its own outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
