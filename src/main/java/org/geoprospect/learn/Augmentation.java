package org.geoprospect.learn;

/**
 * One draw of the {@link Augmenter}: which flips to make and where the crop starts. The crop is taken first, then
 * flipped.
 *
 * @param horizontalFlip mirror west–east (columns reversed)
 * @param verticalFlip   mirror north–south (rows reversed)
 * @param top            first patch row of the crop
 * @param left           first patch column of the crop
 */
public record Augmentation(boolean horizontalFlip, boolean verticalFlip, int top, int left) {
}
