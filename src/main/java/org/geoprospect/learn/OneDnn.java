package org.geoprospect.learn;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * PyTorch's oneDNN convolutions, switched off while a network with pointwise (1×1, stride 1) convolutions trains
 * on a CPU whose cache sizes oneDNN cannot read.
 * <p>
 * Why: some hypervisors (seen on AMD EPYC VMs with AVX-512) answer the CPUID cache leaves (4 and 0x8000001D) with
 * zeros, so the kernel shows no {@code /sys/devices/system/cpu/cpu0/cache} and oneDNN's per-core L2 size is 0.
 * libtorch 2.7.1's oneDNN divides by it when it blocks the backward pass of a 1×1 convolution with its brgemm
 * kernels ({@code brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1}, SIGFPE): ResNet-50's bottlenecks
 * kill the JVM at the first backward pass. Capping the ISA below AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX}) avoids the
 * brgemm kernels but halves the speed of every network; turning oneDNN convolutions off (what Python's
 * {@code torch.backends.mkldnn.enabled = False} does) costs the same but only where it is switched, so it is switched
 * off only while such a network trains on such a CPU. Inference is unaffected (the forward kernels of NCHW
 * convolutions do not reach that code; oneDNN's channels-last 1×1 forward does, and no network here makes
 * channels-last tensors). The ResNets avoid the guard altogether: {@link Networks} builds their 1×1 convolutions as
 * matrix products on such a CPU ({@link PointwiseConvolution}), so no 1×1 convolution reaches oneDNN and its other
 * convolutions stay on (ResNet-50 trained 4–5× faster that way than with oneDNN off; {@code docs/train-speed.md}).
 * The switch is libtorch's {@code at::Context::setUserEnabledMkldnn}, called through JNA because DJL does not expose
 * it. The system property {@code geoprospect.oneDnnTraining} overrides the detection: {@code auto} (default),
 * {@code off} (always switch off for such networks) or {@code on} (never).
 */
public final class OneDnn {
    private static final Path CPU_CACHE = Path.of("/sys/devices/system/cpu/cpu0/cache");
    private static int holders;
    private static Function setOneDnn;
    private static Function setNnpack;
    private static Pointer context;

    private OneDnn() {
    }

    /** Keeps oneDNN convolutions off while open; a no-op when nothing needs switching. */
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @return why oneDNN's pointwise-convolution training must be avoided on this machine, or empty when it is safe
     *         (or the property says {@code on})
     */
    public static Optional<String> trainingHazard() {
        String mode = System.getProperty("geoprospect.oneDnnTraining", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("on")) {
            return Optional.empty();
        }
        if (mode.equals("off")) {
            return Optional.of("oneDNN convolutions are switched off for training by geoprospect.oneDnnTraining=off");
        }
        boolean x86Linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
        if (x86Linux && Files.isDirectory(CPU_CACHE.getParent()) && !Files.isDirectory(CPU_CACHE)) {
            return Optional.of("the CPU reports no cache hierarchy (no " + CPU_CACHE + "), where oneDNN's 1×1 "
                    + "convolution backward divides by zero");
        }
        return Optional.empty();
    }

    /**
     * @param architecture the network about to train
     * @return a guard to close when training ends; oneDNN convolutions are off until every such guard is closed
     * @throws IllegalStateException if they must be switched off but libtorch's switch cannot be found
     */
    public static Guard forTraining(NetworkArchitecture architecture) {
        if (!architecture.hasOneDnnPointwiseConvolutions() || trainingHazard().isEmpty()) {
            return () -> { };
        }
        synchronized (OneDnn.class) {
            if (holders++ == 0) {
                try {
                    set(false);
                } catch (RuntimeException | LinkageError e) {
                    holders--;
                    throw new IllegalStateException(architecture.id() + " cannot train here: "
                            + trainingHazard().orElseThrow() + ", and libtorch's switch for oneDNN was not found ("
                            + e.getMessage() + ")", e);
                }
            }
        }
        return new Guard() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (OneDnn.class) {
                    if (!closed && --holders == 0) {
                        set(true);
                    }
                    closed = true;
                }
            }
        };
    }

    private static void set(boolean enabled) {
        if (setOneDnn == null) {
            Engine.getInstance(); // loads libtorch
            NativeLibrary torch = NativeLibrary.getInstance(loadedLibrary("libtorch_cpu.so"));
            context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            setOneDnn = torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb");
            setNnpack = torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb");
        }
        setOneDnn.invokeVoid(new Object[] {context, enabled});
        // without oneDNN PyTorch tries NNPACK, which cannot read this CPU either and says so at every convolution
        setNnpack.invokeVoid(new Object[] {context, enabled});
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
