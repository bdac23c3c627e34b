package org.geoprospect.learn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether oneDNN inside libtorch can train 1×1 convolutions on this CPU; where it cannot, {@link Networks} builds
 * every network's 1×1 convolutions as matrix products ({@link PointwiseConvolution}), so that none reaches it.
 * <p>
 * Why: some hypervisors (seen on AMD EPYC VMs with AVX-512) answer the CPUID cache leaves (4 and 0x8000001D) with
 * zeros, so the kernel shows no {@code /sys/devices/system/cpu/cpu0/cache} and oneDNN's per-core L2 size is 0.
 * libtorch 2.7.1's oneDNN divides by it when it blocks the backward pass of a 1×1 convolution with its brgemm
 * kernels ({@code brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1}, SIGFPE): ResNet-50's bottlenecks
 * kill the JVM at the first backward pass. Capping the ISA below AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX}) avoids the
 * brgemm kernels but halves the speed of every network, and turning oneDNN's convolutions off while training (what
 * Python's {@code torch.backends.mkldnn.enabled = False} does) slows training by libtorch's fallback convolution.
 * Products keep oneDNN's other convolutions on: ResNet-50 trained 4–5× faster than with oneDNN off, MobileNetV2
 * 2–4× ({@code docs/train-speed.md}, {@code docs/native-worker.md}). Inference is unaffected:
 * the forward kernels of NCHW convolutions do not reach that code (oneDNN's channels-last 1×1 forward does, and no
 * network here makes channels-last tensors). The system property {@code geoprospect.oneDnnTraining} overrides the
 * detection: {@code auto} (default), {@code off} (always products) or {@code on} (never).
 */
public final class OneDnn {
    private static final Path CPU_CACHE = Path.of("/sys/devices/system/cpu/cpu0/cache");

    private OneDnn() {
    }

    /**
     * @return why 1×1 convolutions must not train through oneDNN on this machine, or empty when they may (or the
     *         property says {@code on})
     */
    public static Optional<String> trainingHazard() {
        String mode = System.getProperty("geoprospect.oneDnnTraining", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("on")) {
            return Optional.empty();
        }
        if (mode.equals("off")) {
            return Optional.of("1×1 convolutions are kept from oneDNN by geoprospect.oneDnnTraining=off");
        }
        boolean x86Linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
        if (x86Linux && Files.isDirectory(CPU_CACHE.getParent()) && !Files.isDirectory(CPU_CACHE)) {
            return Optional.of("the CPU reports no cache hierarchy (no " + CPU_CACHE + "), where oneDNN's 1×1 "
                    + "convolution backward divides by zero");
        }
        return Optional.empty();
    }
}
