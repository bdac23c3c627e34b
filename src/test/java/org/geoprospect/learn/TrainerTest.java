package org.geoprospect.learn;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static final int CHANNELS = 4;
    private static final int SIZE = 16;
    private static final int CROP = 14;
    private static final int PATCHES = 120;
    /** Every fourth patch validates: 15 ore and 15 no-ore. */
    private static final int[] VALIDATION = IntStream.range(0, PATCHES).filter(i -> i % 4 == 0).toArray();
    private static final int[] TRAINING = IntStream.range(0, PATCHES).filter(i -> i % 4 != 0).toArray();

    @Test
    void smallNetworkFindsTheBlob() {
        List<Double> fractions = new ArrayList<>();
        ProgressListener recording = (fraction, message) -> fractions.add(fraction);
        try (TrainedModel trained = new Trainer().train(blobs(false), TRAINING, VALIDATION, tiny(6, 0, 1).build(),
                recording, Cancellation.none())) {
            TrainingHistory history = trained.history();
            history.epochs().forEach(System.out::println);
            assertEquals(6, history.epochs().size());
            assertFalse(history.stoppedEarly());
            assertTrue(history.best().validationAuc() >= 0.9, "best " + history.best());
            assertTrue(history.best().validationAccuracy() >= 0.9, "of equal AUCs the lower loss wins: "
                    + history.best());
            assertEquals(new NetworkSpec(NetworkArchitecture.SMALL, CHANNELS, 2, CROP), trained.spec());
            assertEquals(0.05, history.epochs().get(0).learningRate());
            assertEquals(0.025, history.epochs().get(5).learningRate(), "halved after 4 epochs");
        }
        assertEquals(6 * 6 + 1, fractions.size(), "6 epochs of 6 batches, then done");
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back");
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    /** 81 = 5 × 16 + 1: a last batch of one patch would fail batch normalisation, so the batch before takes it. */
    @Test
    void aLeftOverSinglePatchJoinsThePreviousBatch() {
        int[] training = java.util.Arrays.copyOf(TRAINING, 81);
        List<String> batches = new ArrayList<>();
        ProgressListener recording = (fraction, message) -> batches.add(message);
        try (TrainedModel trained = new Trainer().train(blobs(false), training, VALIDATION, tiny(1, 0, 3).build(),
                recording, Cancellation.none())) {
            assertEquals(1, trained.history().epochs().size());
        }
        assertTrue(batches.stream().anyMatch(m -> m.contains("batch 5/5")), batches.toString());
        assertThrows(InvalidInputException.class, () -> tiny(1, 0, 3).optBatchSize(1).build());
    }

    @Test
    void theSameSeedGivesTheSameEpochs() {
        PatchDataset data = blobs(false);
        List<Double> first = trainLosses(data, 1);
        assertEquals(first, trainLosses(data, 1));
        assertNotEquals(first, trainLosses(data, 2));
    }

    @Test
    void stopsEarlyWhenTheAucCannotImproveAndKeepsTheBestEpoch() {
        PatchDataset data = blobs(true);
        TrainingParameters parameters = tiny(30, 1, 3).build();
        try (TrainedModel trained = new Trainer().train(data, TRAINING, VALIDATION, parameters,
                ProgressListener.NONE, Cancellation.none())) {
            TrainingHistory history = trained.history();
            history.epochs().forEach(System.out::println);
            assertTrue(history.stoppedEarly());
            assertTrue(history.epochs().size() < 30);
            assertEquals(history.bestEpoch() + 1, history.epochs().size(), "patience 1: one epoch without gain");
            Validator.Result restored = Validator.validate(trained.model(), data, VALIDATION,
                    new Augmenter(SIZE, CROP, parameters.seed()), CROP, parameters.batchSize());
            assertEquals(history.best().validationAuc(), restored.auc(), 0);
            assertEquals(history.best().validationLoss(), restored.loss(), 0, "the best epoch's weights, bit for bit");
            assertNotEquals(history.epochs().get(history.epochs().size() - 1).validationLoss(), restored.loss(),
                    "not the last epoch's weights");
        }
    }

    @Test
    void cancellationStopsAtTheNextBatch() {
        Cancellation cancellation = new Cancellation();
        List<String> messages = new ArrayList<>();
        ProgressListener cancelling = (fraction, message) -> {
            messages.add(message);
            cancellation.cancel();
        };
        assertThrows(CancelledException.class, () -> new Trainer().train(blobs(false), TRAINING, VALIDATION,
                tiny(3, 0, 1).build(), cancelling, cancellation));
        assertEquals(List.of("epoch 1/3, batch 1/6"), List.of(messages.get(0).substring(0, 20)));
        assertEquals(1, messages.size());
    }

    @Test
    void rejectsPatchesOfAnotherSizeAndValidationOfOneClass() {
        TrainingParameters cpu = TrainingParameters.cpu().build();
        assertEquals("patchSize", assertThrows(InvalidInputException.class, () -> new Trainer().train(blobs(false),
                TRAINING, VALIDATION, cpu, ProgressListener.NONE, Cancellation.none())).input());
        int[] oreOnly = {0, 4, 8};
        assertEquals("patches", assertThrows(InvalidInputException.class, () -> new Trainer().train(blobs(false),
                TRAINING, oreOnly, tiny(1, 0, 1).build(), ProgressListener.NONE, Cancellation.none())).input());
    }

    @Test
    void presets() {
        TrainingParameters paper = TrainingParameters.paper().build();
        assertEquals(new TrainingParameters(NetworkArchitecture.RESNET50, 256, 224, 120, 32, 0.01, 0.1, 1e-4, 30,
                0.5, 0, 0), paper);
        assertEquals(0.01, paper.learningRate(30));
        assertEquals(0.005, paper.learningRate(31));
        assertEquals(0.00125, paper.learningRate(120));
        PatchParameters patches = paper.patchParameters().build();
        assertEquals(256, patches.size());
        assertEquals(224, patches.cropSize());
        TrainingParameters cpu = TrainingParameters.cpu().build();
        assertEquals(NetworkArchitecture.RESNET18, cpu.architecture());
        assertEquals(0.9, cpu.momentum());
        assertEquals(56, cpu.patchParameters().build().cropSize());
        assertEquals("momentum", assertThrows(InvalidInputException.class,
                () -> TrainingParameters.cpu().optMomentum(1).build()).input());
        assertEquals("cropSize", assertThrows(InvalidInputException.class,
                () -> TrainingParameters.cpu().optCropSize(65).build()).input());
    }

    @Test
    void resNet18EpochTimings() {
        int patches = 48;
        Random random = new Random(5);
        List<Patch> list = new ArrayList<>();
        for (int i = 0; i < patches; i++) {
            float[] values = new float[8 * 64 * 64];
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) random.nextGaussian();
            }
            list.add(new Patch(values, 8, 64, i % 2 == 0, 0, 0, i, 0));
        }
        PatchDataset data = dataset(list);
        TrainingParameters parameters = TrainingParameters.cpu().optBatchSize(16).optEpochs(2).optPatience(0).build();
        int[] training = IntStream.range(0, 32).toArray();
        int[] validation = IntStream.range(32, patches).toArray();
        try (TrainedModel trained = new Trainer().train(data, training, validation, parameters,
                ProgressListener.NONE, Cancellation.none())) {
            for (EpochMetrics epoch : trained.history().epochs()) {
                System.out.printf("ResNet-18, 2 train steps of 16×8×56×56 + validation of 16: epoch %d %.2f s%n",
                        epoch.epoch(), epoch.seconds());
                assertTrue(Double.isFinite(epoch.trainLoss()));
            }
        }
    }

    private static List<Double> trainLosses(PatchDataset data, long seed) {
        try (TrainedModel trained = new Trainer().train(data, TRAINING, VALIDATION, tiny(3, 0, seed).build(),
                ProgressListener.NONE, Cancellation.none())) {
            return trained.history().epochs().stream().map(EpochMetrics::trainLoss).toList();
        }
    }

    private static TrainingParameters.Builder tiny(int epochs, int patience, long seed) {
        return TrainingParameters.builder().optArchitecture(NetworkArchitecture.SMALL).optPatchSize(SIZE)
                .optCropSize(CROP).optEpochs(epochs).optBatchSize(16).optLearningRate(0.05).optStep(4, 0.5)
                .optPatience(patience).optSeed(seed);
    }

    /**
     * 60 ore patches (a bright Gaussian blob in channel 1 at a random place that every crop keeps) followed by 60
     * no-ore patches of the same noise; with {@code shuffledLabels} the labels are dealt at random instead.
     */
    private static PatchDataset blobs(boolean shuffledLabels) {
        Random random = new Random(42);
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < PATCHES; i++) {
            boolean ore = i < PATCHES / 2;
            float[] values = new float[CHANNELS * SIZE * SIZE];
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) random.nextGaussian();
            }
            if (ore && !shuffledLabels || shuffledLabels && random.nextBoolean()) {
                int centreRow = 4 + random.nextInt(8);
                int centreColumn = 4 + random.nextInt(8);
                for (int r = 0; r < SIZE; r++) {
                    for (int q = 0; q < SIZE; q++) {
                        double d2 = (r - centreRow) * (r - centreRow) + (q - centreColumn) * (q - centreColumn);
                        values[(SIZE + r) * SIZE + q] += (float) (4 * Math.exp(-d2 / 8));
                    }
                }
            }
            patches.add(new Patch(values, CHANNELS, SIZE, ore, 0, 0, i, 0));
        }
        return dataset(patches);
    }

    private static PatchDataset dataset(List<Patch> patches) {
        int ore = (int) patches.stream().filter(Patch::ore).count();
        int noOre = patches.size() - ore;
        return new PatchDataset(patches, IntStream.range(0, patches.get(0).channels()).mapToObj(c -> "E" + c)
                .toList(), new SpatialBlocks(SIZE * 4, 1, 1),
                new PatchReport(ore, noOre, noOre, noOre, ore, List.of(), List.of(), List.of()));
    }
}
