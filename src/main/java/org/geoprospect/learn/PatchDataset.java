package org.geoprospect.learn;

import java.util.List;

/**
 * The training data of step 3: ore patches (grouped by deposit, in deposit order) followed by no-ore patches, all
 * of the same size and channels.
 *
 * @param patches  the patches; a patch's index here is how {@link SpatialFolds} names it
 * @param elements the bands the channels hold, in channel order
 * @param blocks   the spatial blocks that {@link Patch#block()} numbers
 * @param report   class balance and the deposits that gave no patch
 */
public record PatchDataset(List<Patch> patches, List<String> elements, SpatialBlocks blocks, PatchReport report) {
    public PatchDataset {
        patches = List.copyOf(patches);
        elements = List.copyOf(elements);
    }
}
