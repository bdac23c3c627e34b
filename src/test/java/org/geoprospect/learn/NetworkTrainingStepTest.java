package org.geoprospect.learn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every offered network takes real optimizer steps (forward, backward, update) on this CPU: the suite must see a
 * native fault in training before a user does (ResNet-50's 1×1 convolutions once killed the JVM here; see
 * {@link OneDnn}).
 */
class NetworkTrainingStepTest {
    @ParameterizedTest
    @EnumSource(value = NetworkArchitecture.class, names = {"LOGISTIC", "FOREST", "ELEMENT"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyNetworkTrainsOnThisCpu(NetworkArchitecture architecture) {
        TrainingStepCheck.Result r = TrainingStepCheck.run(architecture, 8, 32, 4, 3);
        assertEquals(3, r.losses().size());
        assertTrue(r.learns(), "losses finite and changing: " + r.losses());
    }

    /**
     * ResNet-50 at the CPU preset's batch and crop and at the paper's crop: where oneDNN cannot block 1×1
     * convolutions, its 1×1 convolutions train as matrix products and oneDNN stays on for the others, whose
     * blocking depends on the shapes (see {@link PointwiseConvolution}).
     */
    @ParameterizedTest
    @CsvSource({"56, 32", "224, 2"})
    void resNet50TrainsAtTheSizesThePresetsUse(int inputSize, int batch) {
        TrainingStepCheck.Result r = TrainingStepCheck.run(NetworkArchitecture.RESNET50, 8, inputSize, batch, 2);
        assertTrue(r.learns(), "losses finite and changing: " + r.losses());
    }
}
