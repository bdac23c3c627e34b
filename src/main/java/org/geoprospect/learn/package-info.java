/**
 * Learning step: a convolutional network classifies W×H×n patches of normalized element grids as "ore" or
 * "no ore", following Gao et al., who use a ResNet-50 (He et al., 2016, "Deep Residual Learning for Image
 * Recognition"). {@link org.geoprospect.learn.Networks} builds the networks named by a
 * {@link org.geoprospect.learn.NetworkSpec} from DJL blocks, so that the layout recorded in a model's manifest is
 * the layout that runs, whatever the patch size. DJL types ({@code NDArray}, blocks, models) never leave this
 * package and {@code predict}; models, trainers and batch managers are closed with try-with-resources.
 */
package org.geoprospect.learn;
