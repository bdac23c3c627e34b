package org.geoprospect.learn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * What the deep-learning engine runs on here, for logs and the self-check.
 *
 * @param engine         the engine's name, e.g. {@code PyTorch}
 * @param version        the native library's version, e.g. {@code 2.7.1}
 * @param device         the device models train and predict on, e.g. {@code cpu()} or {@code gpu(0)}
 * @param gpus           GPUs the engine sees
 * @param threads        intra-operator threads
 * @param trainingHazard why 1×1 convolutions train as matrix products here ({@link OneDnn}), or null
 */
public record EngineInfo(String engine, String version, String device, int gpus, int threads,
                         String trainingHazard) {
    /** Loads the engine if it is not loaded yet (a second or two) and describes it. */
    public static EngineInfo current() {
        Engine engine = Engine.getInstance();
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), engine.defaultDevice().toString(),
                engine.getGpuCount(), JniUtils.getNumThreads(), OneDnn.trainingHazard().orElse(null));
    }

    /** @return the version of DJL itself, e.g. {@code 0.36.0} */
    public static String djlVersion() {
        return Engine.getDjlVersion();
    }

    /** One line for a log, e.g. {@code PyTorch 2.7.1 on cpu(), 2 threads}. */
    public String summary() {
        return engine + " " + version + " on " + device + ", " + threads + " thread" + (threads == 1 ? "" : "s")
                + (gpus == 0 ? " (no GPU found)" : "") + hazardNote(trainingHazard);
    }

    /** @return "" for no hazard, else what the summary adds for it: how 1×1 convolutions train, and why */
    public static String hazardNote(String trainingHazard) {
        return trainingHazard == null ? "" : "; 1×1 convolutions train as matrix products: " + trainingHazard;
    }
}
