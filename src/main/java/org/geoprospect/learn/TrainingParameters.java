package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;

/**
 * How {@link Trainer} trains: the network, stochastic gradient descent with momentum and weight decay, a step
 * learning-rate schedule, early stopping on the validation AUC, and the patch and crop size that the training patches
 * must have (so that one preset serves both {@link PatchSampler} and the trainer, see {@link #patchParameters()}).
 * Built with {@link #builder()}, {@link #paper()} or {@link #cpu()}; {@link Builder#build()} checks the values and
 * says what to change.
 *
 * @param architecture the network (default resnet18)
 * @param patchSize    cells per patch side that the training patches must have (default 64)
 * @param cropSize     cells per side of the crops the network sees (default 56)
 * @param epochs       most passes over the training patches (default 20)
 * @param batchSize    patches per gradient step (default 32)
 * @param learningRate learning rate of the first epochs (default 0.01)
 * @param momentum     SGD momentum (default 0.9)
 * @param weightDecay  L2 weight decay (default 1e-4)
 * @param stepEpochs   the learning rate is multiplied by {@code stepFactor} every this many epochs (default 10)
 * @param stepFactor   factor of each learning-rate step, in (0, 1] (default 0.5)
 * @param patience     stop after this many epochs without a better validation AUC (or, at equal AUC, a lower
 *                     validation loss); 0 = never stop early (default 5)
 * @param seed         seed of the initial weights, the shuffles and the augmentation (default 0)
 */
public record TrainingParameters(NetworkArchitecture architecture, int patchSize, int cropSize, int epochs,
                                 int batchSize, double learningRate, double momentum, double weightDecay,
                                 int stepEpochs, double stepFactor, int patience, long seed) {

    /** A builder with the defaults above (the {@link #cpu()} preset). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Gao et al. §4.2 as published: ResNet-50, 256-cell patches cropped to 224, 120 epochs, batch 32, learning rate
     * 0.01 halved every 30 epochs, weight decay 1e-4, no early stopping, and momentum 0.1. The paper prints a
     * momentum of 0.1; 0.9 is the usual value for this schedule and may be what was meant — set it with
     * {@link Builder#optMomentum(double) optMomentum(0.9)}. Needs a GPU: one step of batch 32 at 224² takes about
     * 13 s on a CPU.
     */
    public static Builder paper() {
        return new Builder().optArchitecture(NetworkArchitecture.RESNET50).optPatchSize(256).optCropSize(224)
                .optEpochs(120).optBatchSize(32).optLearningRate(0.01).optMomentum(0.1).optWeightDecay(1e-4)
                .optStep(30, 0.5).optPatience(0);
    }

    /**
     * Sized for a CPU of two cores and a few hundred patches in well under ten minutes (an epoch of two ResNet-18
     * steps of 16 × 8 × 56² plus validating 16 patches took about 0.6 s on an idle machine): ResNet-18, 64-cell
     * patches cropped to 56, at most 20 epochs of batch 32, learning rate 0.01 halved every 10 epochs, momentum 0.9,
     * weight decay 1e-4, stop after 5 epochs without a better validation AUC.
     */
    public static Builder cpu() {
        return new Builder();
    }

    /** A patch-sampling builder with this patch and crop size; the other sampling values keep their defaults. */
    public PatchParameters.Builder patchParameters() {
        return PatchParameters.builder().optSize(patchSize).optCropSize(cropSize).optSeed(seed);
    }

    /** The learning rate of an epoch, 1-based: learningRate · stepFactor^⌊(epoch − 1) / stepEpochs⌋. */
    public double learningRate(int epoch) {
        return learningRate * Math.pow(stepFactor, (epoch - 1) / stepEpochs);
    }

    /** The builder; every value has a default (the {@link #cpu()} preset). */
    public static final class Builder {
        private NetworkArchitecture architecture = NetworkArchitecture.RESNET18;
        private int patchSize = 64;
        private int cropSize = 56;
        private int epochs = 20;
        private int batchSize = 32;
        private double learningRate = 0.01;
        private double momentum = 0.9;
        private double weightDecay = 1e-4;
        private int stepEpochs = 10;
        private double stepFactor = 0.5;
        private int patience = 5;
        private long seed = 0;

        private Builder() {
        }

        public Builder optArchitecture(NetworkArchitecture architecture) {
            this.architecture = architecture;
            return this;
        }

        public Builder optPatchSize(int cells) {
            this.patchSize = cells;
            return this;
        }

        public Builder optCropSize(int cells) {
            this.cropSize = cells;
            return this;
        }

        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder optBatchSize(int patches) {
            this.batchSize = patches;
            return this;
        }

        public Builder optLearningRate(double rate) {
            this.learningRate = rate;
            return this;
        }

        public Builder optMomentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder optWeightDecay(double decay) {
            this.weightDecay = decay;
            return this;
        }

        /** Multiply the learning rate by {@code factor} every {@code epochs} epochs. */
        public Builder optStep(int epochs, double factor) {
            this.stepEpochs = epochs;
            this.stepFactor = factor;
            return this;
        }

        public Builder optPatience(int epochs) {
            this.patience = epochs;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @throws InvalidInputException naming the first value out of range */
        public TrainingParameters build() {
            if (architecture == null) {
                throw new InvalidInputException("network", "the network architecture is missing");
            }
            if (cropSize < 1 || cropSize > patchSize) {
                throw new InvalidInputException("cropSize", "crop size must be between 1 and the patch size ("
                        + patchSize + "), got " + cropSize);
            }
            requireAtLeastOne("epochs", epochs);
            if (batchSize < 2) {
                throw new InvalidInputException("batch", "batch must be at least 2 patches: batch normalisation "
                        + "needs two per batch, got " + batchSize);
            }
            requireAtLeastOne("stepEpochs", stepEpochs);
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new InvalidInputException("learningRate", "learning rate must be > 0, got " + learningRate);
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new InvalidInputException("momentum", "momentum must be in [0, 1), got " + momentum);
            }
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new InvalidInputException("weightDecay", "weight decay must be ≥ 0, got " + weightDecay);
            }
            if (!(stepFactor > 0 && stepFactor <= 1)) {
                throw new InvalidInputException("stepFactor", "learning-rate step factor must be in (0, 1], got "
                        + stepFactor);
            }
            if (patience < 0) {
                throw new InvalidInputException("patience", "patience must be ≥ 0 epochs (0 = no early stopping), "
                        + "got " + patience);
            }
            return new TrainingParameters(architecture, patchSize, cropSize, epochs, batchSize, learningRate,
                    momentum, weightDecay, stepEpochs, stepFactor, patience, seed);
        }

        private static void requireAtLeastOne(String input, int value) {
            if (value < 1) {
                throw new InvalidInputException(input, input + " must be at least 1, got " + value);
            }
        }
    }
}
