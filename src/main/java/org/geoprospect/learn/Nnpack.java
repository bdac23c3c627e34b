package org.geoprospect.learn;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Keeps libtorch from trying NNPACK, its third choice of CPU convolution.
 * <p>
 * Why: libtorch picks NNPACK for a convolution that oneDNN does not take — in inference, a 1×1 convolution of a
 * batch under 16 on one thread (a validation's or a prediction's last batch, or every batch with
 * {@code OMP_NUM_THREADS=1}) — and asks NNPACK first whether it can run. On a CPU whose cache sizes NNPACK cannot
 * read (the same VMs as {@link OneDnn}) it cannot, and libtorch prints "Could not initialize NNPACK! Reason:
 * Unsupported hardware." at every such convolution: hundreds of lines in a training's output. Where NNPACK does run
 * it is only a little faster than the fallback at those shapes, so it is switched off everywhere, which also makes
 * the same network take the same code paths on every CPU. The switch is libtorch's
 * {@code at::Context::setUserEnabledNNPACK}, called through JNA because DJL does not expose it; if it cannot be
 * found the warnings stay and nothing else changes.
 */
final class Nnpack {
    private static final Logger LOG = Logger.getLogger(Nnpack.class.getName());
    private static boolean done;

    private Nnpack() {
    }

    /** Switches NNPACK off for the process; later calls do nothing. */
    static synchronized void switchOff() {
        if (done) {
            return;
        }
        done = true;
        try {
            Engine.getInstance(); // loads libtorch
            NativeLibrary torch = NativeLibrary.getInstance(loadedLibrary("libtorch_cpu.so"));
            Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {context, false});
        } catch (RuntimeException | LinkageError e) {
            LOG.fine(() -> "NNPACK stays as libtorch chooses: " + e.getMessage());
        }
    }

    /** The path of a shared library this process has loaded, from the kernel's map of its memory. */
    private static String loadedLibrary(String name) {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.endsWith("/" + name)).map(l -> l.substring(l.indexOf('/'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " is not loaded"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/maps: " + e.getMessage(), e);
        }
    }
}
