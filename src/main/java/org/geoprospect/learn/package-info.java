/**
 * Learn: step 3 of Gao et al.'s method — a convolutional network classifies W × H × n patches of the selected,
 * normalised element grids as "ore" or "no ore"; the paper uses a ResNet-50 (He et al., 2016, "Deep Residual
 * Learning for Image Recognition").
 * <p>
 * The training data: {@link org.geoprospect.learn.PatchSampler} cuts ore patches by sliding windows around each
 * known deposit and no-ore patches at random away from every deposit (§4.2: 212 ore and 225 no-ore patches of
 * 256 × 256 × 8); {@link org.geoprospect.learn.Augmenter} flips and crops them for each epoch (256 → 224) and
 * takes the centre crop for validation and prediction; {@link org.geoprospect.learn.SpatialFolds} splits them by
 * spatial blocks, with no training patch sharing a cell with a validation patch, because random splits of spatial
 * data over-state skill. These classes are plain Java, without I/O.
 * <p>
 * The networks: {@link org.geoprospect.learn.Networks} builds the networks named by a
 * {@link org.geoprospect.learn.NetworkSpec} from DJL blocks, so that the layout recorded in a model's manifest is
 * the layout that runs, whatever the patch size. {@link org.geoprospect.learn.Trainer} trains one with SGD as in
 * §4.2 ({@link org.geoprospect.learn.TrainingParameters#paper()}, or the CPU-sized
 * {@link org.geoprospect.learn.TrainingParameters#cpu()}), validates each epoch by AUC, stops early and keeps the
 * best epoch's weights. DJL types ({@code NDArray}, blocks, models) never leave this
 * package and {@code predict}; models, trainers and batch managers are closed with try-with-resources.
 * <p>
 * Trained models: {@link org.geoprospect.learn.ModelStore} keeps each model as a folder of weights and a
 * {@link org.geoprospect.learn.ModelManifest} (elements and their normalisation, grid geometry, network,
 * hyper-parameters, training data, metrics), published atomically under a versioned identifier so that one process
 * trains and another predicts; {@link org.geoprospect.learn.ModelCompatibility} checks new grids against a manifest;
 * {@link org.geoprospect.learn.ModelCache} holds loaded models within a memory budget for every process of the
 * running engine.
 */
package org.geoprospect.learn;
