package org.geoprospect.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's forward pass in inference that frees each intermediate tensor as soon as the blocks after it have
 * used it, where {@link Block#forward} keeps every one until the batch's manager closes. Same operators in the same
 * order, so the same outputs to the bit.
 * <p>
 * Why: a batch's intermediates then need as much native memory as the whole pass writes (hundreds of MB for
 * ResNet-18 on a batch of 32), all freshly written pages; freed at once, libtorch's next tensors reuse the memory
 * just released, still in the CPU's caches, as PyTorch in Python does by reference counting. It walks
 * {@link SequentialBlock}s and {@link Junction}s; any other block runs whole, as {@link Block#forward} would.
 * Training keeps {@link Block#forward}: the backward pass needs the activations.
 */
final class InferencePass {
    private InferencePass() {
    }

    /**
     * @param block  a network
     * @param store  the batch's parameter store (not training)
     * @param inputs the batch; left open, as the caller's
     * @return the network's outputs, as {@code block.forward(store, inputs, false)}
     */
    static NDList forward(Block block, ParameterStore store, NDList inputs) {
        if (block instanceof SequentialBlock sequence) {
            NDList current = inputs;
            for (Block child : sequence.getChildren().values()) {
                NDList next = forward(child, store, current);
                if (current != inputs) {
                    free(current, next, inputs);
                }
                current = next;
            }
            return current;
        }
        if (block instanceof Junction junction) {
            List<NDList> branches = new ArrayList<>();
            for (Block branch : junction.getChildren().values()) {
                branches.add(forward(branch, store, inputs));
            }
            NDList joined = junction.join().apply(branches);
            for (NDList branch : branches) {
                free(branch, joined, inputs);
            }
            return joined;
        }
        return block.forward(store, inputs, false);
    }

    /** Closes the arrays of {@code used} that are neither in {@code kept} nor the pass's {@code inputs}. */
    private static void free(NDList used, NDList kept, NDList inputs) {
        for (NDArray a : used) {
            if (!contains(kept, a) && !contains(inputs, a)) {
                a.close();
            }
        }
    }

    private static boolean contains(NDList list, NDArray array) {
        for (NDArray a : list) {
            if (a == array) {
                return true;
            }
        }
        return false;
    }
}
