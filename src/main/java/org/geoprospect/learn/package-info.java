/**
 * Learn: the training data of step 3 of Gao et al.'s method (a ResNet-50 that classifies 256 × 256 × n patches of
 * the selected element grids as "ore" or "no ore"). {@link org.geoprospect.learn.PatchSampler} cuts ore patches by
 * sliding windows around each known deposit and no-ore patches at random away from every deposit (§4.2: 212 ore
 * and 225 no-ore patches of 256 × 256 × 8); {@link org.geoprospect.learn.Augmenter} flips and crops them for each
 * epoch (256 → 224) and takes the centre crop for validation and prediction;
 * {@link org.geoprospect.learn.SpatialFolds} splits them by spatial blocks, with no training patch sharing a cell
 * with a validation patch, because random splits of spatial data over-state skill. The dataset classes are plain
 * Java, without I/O; the network and its training live beside them.
 */
package org.geoprospect.learn;
