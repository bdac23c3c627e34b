package org.geoprospect.learn;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.util.Locale;

/**
 * How glibc's {@code malloc} treats the memory of libtorch's tensors in this process: kept for the next batch
 * instead of given back to the kernel after each one, and given back when a training ends.
 * <p>
 * Why: libtorch allocates every tensor with {@code malloc}, and from a JVM thread those allocations come from one of
 * glibc's secondary arenas, whose 64 MiB heaps glibc unmaps or trims as soon as they are free at the top — and a
 * DJL batch frees all its tensors at once when its manager closes. The next batch then touches fresh pages, one page
 * fault per 4 KiB: about 5,000–13,000 faults for a ResNet-18 forward pass of 32 × 8 × 64², which on these VMs cost
 * more than the convolutions (the pass took 0.20–0.55 s with them and 0.11–0.22 s without). Python's PyTorch runs
 * on the main thread's arena, which keeps its top. {@link #keepForReuse()} raises glibc's trim threshold (1 GiB)
 * and fixes its mmap threshold at the largest value glibc takes (32 MiB), so that freed heaps stay mapped and are
 * reused; {@link #release()} hands the free memory back ({@code malloc_trim}) once a training is over, so a
 * long-lived worker does not keep a training's peak. Both are process-wide and idempotent.
 * <p>
 * A no-op where the C library has no {@code mallopt} (not glibc) or where the system property
 * {@code geoprospect.mallocTuning} is {@code off}. Thread-safe.
 */
final class NativeMemory {
    /** glibc's {@code M_TRIM_THRESHOLD} and {@code M_MMAP_THRESHOLD} parameters of {@code mallopt}. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int TRIM_THRESHOLD = 1 << 30;
    /** glibc's largest mmap threshold on 64-bit systems (HEAP_MAX_SIZE / 2); larger values are refused. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static Boolean tuned;

    private NativeMemory() {
    }

    /**
     * Keeps freed native memory mapped for reuse; the first call sets it for the process, later ones only answer.
     *
     * @return whether glibc took both settings (false where tuning is off or there is no glibc)
     */
    static synchronized boolean keepForReuse() {
        if (tuned == null) {
            tuned = enabled() && mallopt();
        }
        return tuned;
    }

    private static boolean mallopt() {
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            return mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1
                    & mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1;
        } catch (RuntimeException | LinkageError e) {
            return false; // not glibc: its defaults stay
        }
    }

    /** Gives free native memory back to the kernel, e.g. after a training; harmless at any time. */
    static void release() {
        if (!enabled()) {
            return;
        }
        try {
            NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0});
        } catch (RuntimeException | LinkageError e) {
            // not glibc: nothing to trim this way
        }
    }

    private static boolean enabled() {
        return !"off".equals(System.getProperty("geoprospect.mallocTuning", "on").toLowerCase(Locale.ROOT))
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
