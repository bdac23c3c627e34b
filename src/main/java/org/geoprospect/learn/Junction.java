package org.geoprospect.learn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;

import java.util.List;
import java.util.function.Function;

/**
 * A {@link ParallelBlock} that keeps its joining function within reach, so that {@link InferencePass} can run the
 * branches itself and free their outputs once joined. Same parameters and saved form as the ParallelBlock.
 */
final class Junction extends ParallelBlock {
    private final Function<List<NDList>, NDList> join;

    /**
     * @param join     combines the branches' outputs, in the branches' order
     * @param branches each given the junction's input
     */
    Junction(Function<List<NDList>, NDList> join, List<Block> branches) {
        super(join, branches);
        this.join = join;
    }

    /** @return what combines the branches' outputs */
    Function<List<NDList>, NDList> join() {
        return join;
    }
}
