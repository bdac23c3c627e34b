package org.geoprospect.learn;

import java.util.concurrent.locks.ReentrantLock;

/**
 * DJL's PyTorch engine lets one gradient collector record at a time in a JVM ("A PtGradientCollector is already
 * collecting"), so trainings that share a JVM (jobs in one worker) take turns per batch: each holds the turn from
 * its forward pass to its backward pass, and the batches of concurrent trainings interleave.
 * <pre>{@code
 * try (GradientTurn turn = GradientTurn.take(); GradientCollector c = trainer.newGradientCollector()) { ... }
 * }</pre>
 */
final class GradientTurn implements AutoCloseable {
    private static final ReentrantLock TURN = new ReentrantLock(true);

    private GradientTurn() {
    }

    static GradientTurn take() {
        TURN.lock();
        return new GradientTurn();
    }

    @Override
    public void close() {
        TURN.unlock();
    }
}
