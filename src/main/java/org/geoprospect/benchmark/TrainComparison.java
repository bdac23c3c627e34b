package org.geoprospect.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.TrainingThroughput;
import org.geoprospect.learn.TrainingThroughput.Timing;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What {@code benchmark train} measures: our training and inference throughput (DJL with its PyTorch engine) against PyTorch in
 * Python — what a user would pick instead — on the same CPU in the same run: the same torchvision layout (an
 * n-channel stem, 2 classes), batch, input size, optimizer and thread count. Python's side is
 * {@code torch_train_benchmark.py} (shipped beside this class) in a subprocess that takes one step whenever asked
 * ({@link PythonTorchSide}): the two sides take their steps in turn (ours, Python's, ours, …), never at once, so that
 * on a shared machine both meet the same load. Also times what our trainer's own path adds (cropping, flipping and
 * assembling the batch in Java). Returns its section of {@code docs/benchmarks.md} as Markdown. Without Python's
 * torch the section says so and reports our side alone. Not thread-safe; it sets the engine's threads while it runs.
 */
public final class TrainComparison {
    /** The heading of the section {@link #run} writes the body of. */
    public static final String HEADING = "## Training speed: DJL against PyTorch in Python";
    private static final String SCRIPT = "torch_train_benchmark.py";
    private static final double GOAL = 0.9;
    private static final double LEARNING_RATE = 0.01;
    private static final double MOMENTUM = 0.9;
    private static final double WEIGHT_DECAY = 1e-4;

    /**
     * @param networks   network ids: {@code resnet18}, {@code resnet50} (the networks torchvision has in the same
     *                   layout)
     * @param inputSizes cells per input side
     * @param channels   input channels
     * @param batch      patches per step
     * @param warmup     untimed steps of each side before each timed series
     * @param steps      timed steps of each series
     * @param threads    intra-op thread counts to run each configuration with; empty: our engine's default
     * @param python     the Python interpreter that has torch and torchvision
     */
    public record Settings(List<String> networks, List<Integer> inputSizes, int channels, int batch, int warmup,
                           int steps, List<Integer> threads, String python) {
        /** @throws InvalidInputException naming what to change */
        public Settings {
            for (String id : networks) {
                NetworkArchitecture n = NetworkArchitecture.fromId(id);
                if (n != NetworkArchitecture.RESNET18 && n != NetworkArchitecture.RESNET50) {
                    throw new InvalidInputException("networks", "benchmark train compares resnet18 and resnet50 "
                            + "(the networks torchvision has in the same layout), not " + id);
                }
            }
            if (networks.isEmpty() || inputSizes.isEmpty() || inputSizes.stream().anyMatch(i -> i < 1)
                    || threads.stream().anyMatch(t -> t < 1)) {
                throw new InvalidInputException("benchmark", "name at least one network and input size; sizes and "
                        + "thread counts must be at least 1");
            }
            if (channels < 1 || batch < 1 || steps < 1 || warmup < 0) {
                throw new InvalidInputException("benchmark", "--channels, --batch and --steps must be at least 1 "
                        + "and --warmup at least 0");
            }
            networks = List.copyOf(networks);
            inputSizes = List.copyOf(inputSizes);
            threads = List.copyOf(threads);
        }
    }

    /** One configuration's figures; {@code python} and its timings are null when Python's side did not run. */
    private record Row(NetworkArchitecture network, int inputSize, int threads, int interopThreads, long parameters,
                       boolean pointwiseAsProducts,
                       List<Timing> train, List<Timing> trainerPath, List<Timing> inference,
                       List<Timing> inferenceKeeping, JsonNode python,
                       List<Timing> pythonTrain, List<Timing> pythonInference, String loadBefore, String loadAfter) {
    }

    private final PrintStream err;
    private final Path dir;
    private String pythonProblem;
    private boolean pythonMissing;

    /**
     * @param err told what runs and each configuration's medians as they come
     * @param dir scratch folder: the Python script and its error output go there
     */
    public TrainComparison(PrintStream err, Path dir) {
        this.err = err;
        this.dir = dir;
    }

    /**
     * Runs every configuration (network × input size × thread count), each side in turn.
     *
     * @return the section's body in Markdown, to go under {@link #HEADING}
     * @throws IOException if the script cannot be written to the scratch folder
     */
    public String run(Settings s) throws IOException, InterruptedException {
        EngineInfo engine = EngineInfo.current();
        List<Integer> threads = s.threads().isEmpty() ? List.of(engine.threads()) : s.threads();
        Path script = extractScript();
        List<Row> rows = new ArrayList<>();
        String loadAtStart = loadAverage();
        long start = System.nanoTime();
        for (NetworkArchitecture network : s.networks().stream().map(NetworkArchitecture::fromId).toList()) {
            for (int size : s.inputSizes()) {
                for (int t : threads) {
                    err.printf(Locale.ROOT, "%s, %d px, batch %d, %d thread(s)%n", network.id(), size, s.batch(), t);
                    rows.add(configuration(s, script, network, size, t));
                }
            }
        }
        String md = markdown(s, engine, rows, loadAtStart, (System.nanoTime() - start) / 60e9);
        err.print(md);
        return md;
    }

    /** One configuration: training steps in turn with Python's, then our trainer's path, then inference in turn. */
    private Row configuration(Settings s, Path script, NetworkArchitecture network, int size, int threads)
            throws IOException, InterruptedException {
        String before = loadAverage();
        try (PythonTorchSide py = pythonMissing ? null : PythonTorchSide.start(List.of(s.python(),
                script.toString(), "--network", network.id(), "--channels", Integer.toString(s.channels()),
                "--batch", Integer.toString(s.batch()), "--size", Integer.toString(size),
                "--threads", Integer.toString(threads), "--lr", Double.toString(LEARNING_RATE),
                "--momentum", Double.toString(MOMENTUM), "--weight-decay", Double.toString(WEIGHT_DECAY)),
                dir.resolve("python-stderr.txt"));
             TrainingThroughput djl = TrainingThroughput.open(new TrainingThroughput.Settings(network,
                     s.channels(), size, s.batch(), threads, LEARNING_RATE, MOMENTUM, WEIGHT_DECAY))) {
            JsonNode info = py == null ? null : py.info();
            List<Timing> train = new ArrayList<>();
            List<Timing> pyTrain = new ArrayList<>();
            List<Timing> trainerPath = new ArrayList<>();
            List<Timing> inference = new ArrayList<>();
            List<Timing> inferenceKeeping = new ArrayList<>();
            List<Timing> pyInference = new ArrayList<>();
            for (int step = -s.warmup(); step < s.steps(); step++) {
                keep(train, step, djl.trainStep());
                keep(pyTrain, step, info == null ? null : py.step("train"));
            }
            for (int step = -s.warmup(); step < s.steps(); step++) {
                keep(trainerPath, step, djl.trainerStep());
            }
            for (int step = -s.warmup(); step < s.steps(); step++) {
                keep(inference, step, djl.inferenceStep(true));
                keep(inferenceKeeping, step, djl.inferenceStep(false));
                keep(pyInference, step, info == null ? null : py.step("infer"));
            }
            boolean both = info != null && py.problem() == null;
            if (py != null && py.problem() != null) {
                pythonProblem = py.problem();
                pythonMissing = py.missing();
                err.println(pythonProblem);
            }
            err.printf(Locale.ROOT, "  training step: DJL %.3f s%s; inference: DJL %.3f s%s%n", wall(train),
                    both ? String.format(Locale.ROOT, ", Python %.3f s", wall(pyTrain)) : "", wall(inference),
                    both ? String.format(Locale.ROOT, ", Python %.3f s", wall(pyInference)) : "");
            return new Row(network, size, djl.threads(), djl.interopThreads(), djl.parameters(),
                    djl.pointwiseAsProducts(), train, trainerPath,
                    inference, inferenceKeeping, both ? info : null, both ? pyTrain : null,
                    both ? pyInference : null, before, loadAverage());
        }
    }

    private static void keep(List<Timing> timings, int step, Timing t) {
        if (step >= 0 && t != null) {
            timings.add(t);
        }
    }

    private Path extractScript() throws IOException {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = TrainComparison.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the jar");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private String markdown(Settings s, EngineInfo engine, List<Row> rows, String loadAtStart, double minutes) {
        JsonNode py = rows.stream().map(Row::python).filter(p -> p != null).findFirst().orElse(null);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Measured %s on %s, **shared with other developers' builds** (load average %s at the start and %s \
                at the end; each row of the training table gives it before and after that row). Ours: Java %s, \
                DJL %s with %s %s (its own libtorch, MKL and oneDNN). Python: %s.
                Reproduce with `%s` (%.1f minutes here; it rewrites this section). Why the two differ, factor by \
                factor, with the commands that measure each: [`train-speed.md`](train-speed.md).

                The same work on both sides: torchvision's layout (ours is built to it; the parameter counts \
                below agree) with a stem for %d input channels and 2 classes, batch %d of random patches, softmax \
                cross-entropy, SGD with momentum %.1f, learning rate %.2f and weight decay %.0e. A training step \
                is forward, loss, backward and the optimizer's step on a batch already in a tensor; an inference \
                step is a forward pass of a batch in inference mode without gradients (Python: `eval()` under \
                `torch.no_grad()`). The two sides take their steps **in turn** (ours, Python's, ours, …; never at \
                once), so that both meet the same load: %d warm-up steps each, then %d timed; figures are the \
                median step (min–max in brackets), patches/s the batch over the median wall time. CPU s is the \
                process's CPU time per step (all threads), which waiting for a core does not inflate. Both sides \
                run the same number of intra-op threads (threads column: DJL / Python, as each engine reports); \
                inter-op threads, which these steps do not use: DJL %d, Python %s.

                """, LocalDate.now(), machine(), loadAtStart, loadAverage(), System.getProperty("java.version"),
                EngineInfo.djlVersion(), engine.engine(), engine.version(),
                py == null ? "not run — " + pythonProblem : String.format(Locale.ROOT,
                        "Python %s, Debian's PyTorch %s and torchvision %s (oneDNN %s, ATen kernels %s)",
                        py.path("python").asText(), py.path("torch").asText(), py.path("torchvision").asText(),
                        py.path("mkldnnEnabled").asBoolean() ? "on" : "off", py.path("cpuCapability").asText()),
                command(s), minutes, s.channels(), s.batch(), MOMENTUM, LEARNING_RATE, WEIGHT_DECAY, s.warmup(),
                s.steps(), rows.get(0).interopThreads(), py == null ? "–" : py.path("interopThreads").asText()));
        String settings = settingsInForce();
        if (!settings.isEmpty()) {
            md.append("Set for this run (both sides inherit the environment): ").append(settings).append(".\n\n");
        }
        if (pythonProblem != null) {
            md.append("**Python's side:** ").append(pythonProblem).append("\n\n");
        }
        md.append("""
                ### Training

                | network | input | threads | 1×1 convolutions (DJL) / oneDNN (Python) | DJL step | Python step \
                | CPU s (DJL / Python) | DJL patches/s | Python patches/s | DJL ÷ Python | load before / after |
                | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
                """);
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s / %s | %s | %s | %s | %s | %s | %s | %s / %s |%n",
                    r.network().id(), r.inputSize(), threads(r), r.pointwiseAsProducts() ? "products" : "oneDNN",
                    r.python() == null ? "–" : r.python().path("mkldnnEnabled").asBoolean() ? "on" : "off",
                    cell(r.train()), cell(r.pythonTrain()), cpu(r.train(), r.pythonTrain()),
                    rate(s.batch(), r.train()), rate(s.batch(), r.pythonTrain()), ratio(r.train(), r.pythonTrain()),
                    r.loadBefore(), r.loadAfter()));
        }
        md.append("""

                ### Inference

                Three passes in turn: ours as prediction and validation run it (each intermediate tensor freed \
                once used, `InferencePass`), ours as DJL's `Block.forward` alone runs it (every intermediate kept \
                until the batch ends), Python's.

                | network | input | threads | DJL batch | DJL batch, intermediates kept | Python batch \
                | CPU s (DJL / Python) | DJL patches/s | Python patches/s | DJL ÷ Python | kept ÷ Python |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.network().id(), r.inputSize(), threads(r), cell(r.inference()), cell(r.inferenceKeeping()),
                    cell(r.pythonInference()), cpu(r.inference(), r.pythonInference()), rate(s.batch(), r.inference()),
                    rate(s.batch(), r.pythonInference()), ratio(r.inference(), r.pythonInference()),
                    ratio(r.inferenceKeeping(), r.pythonInference())));
        }
        md.append("""

                ### What our trainer adds: batch assembly in Java

                `Trainer`'s step also crops and flips each patch (`Augmenter`, from patches 8 cells larger than \
                the input, as the CPU preset's 64 → 56), copies the batch into its tensor (`PatchBatch`) and \
                counts the correct predictions: timed on the same model after the training series, alone.

                | network | input | threads | step on a ready tensor | `Trainer`'s step | of which batch assembly \
                | assembly's share |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s | %s | %s | %.1f %% |%n",
                    r.network().id(), r.inputSize(), threads(r), cell(r.train()), cell(r.trainerPath()),
                    cell(r.trainerPath(), Timing::assembly),
                    100 * median(r.trainerPath(), Timing::assembly) / wall(r.trainerPath())));
        }
        md.append('\n').append(parameters(rows)).append('\n').append(verdict(rows)).append('\n');
        return md.toString();
    }

    /** What changes either side's speed besides the options: OpenMP's environment and our switches, where set. */
    private static String settingsInForce() {
        List<String> set = new ArrayList<>();
        for (String name : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "MKL_NUM_THREADS")) {
            if (System.getenv(name) != null) {
                set.add("`" + name + "=" + System.getenv(name) + "`");
            }
        }
        for (String name : List.of("geoprospect.oneDnnTraining", "geoprospect.mallocTuning",
                "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            if (System.getProperty(name) != null) {
                set.add("`-D" + name + "=" + System.getProperty(name) + "`");
            }
        }
        return String.join(", ", set);
    }

    private static String threads(Row r) {
        return r.threads() + " / " + (r.python() == null ? "–" : r.python().path("threads").asText());
    }

    /** Whether both sides built the same network: the trainable parameter counts. */
    private static String parameters(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (NetworkArchitecture n : rows.stream().map(Row::network).distinct().toList()) {
            Row r = rows.stream().filter(x -> x.network() == n).findFirst().orElseThrow();
            long theirs = r.python() == null ? -1 : r.python().path("parameters").asLong();
            parts.add(String.format(Locale.ROOT, "%s %,d ours, %s torchvision's%s", n.id(), r.parameters(),
                    theirs < 0 ? "not run" : String.format(Locale.ROOT, "%,d", theirs),
                    theirs >= 0 && theirs != r.parameters() ? " (**differ**)" : ""));
        }
        return "Trainable parameters: " + String.join("; ", parts) + ".\n";
    }

    private static String verdict(List<Row> rows) {
        List<Row> compared = rows.stream().filter(r -> r.python() != null).toList();
        if (compared.isEmpty()) {
            return "Goal of issue 13 (DJL ≥ 0.9 × Python's training throughput): not judged, Python's side did not "
                    + "run.";
        }
        List<String> below = new ArrayList<>();
        for (Row r : compared) {
            double ratio = wall(r.pythonTrain()) / wall(r.train());
            if (ratio < GOAL) {
                below.add(String.format(Locale.ROOT, "%s at %d px with %d thread(s) (%.2f×)", r.network().id(),
                        r.inputSize(), r.threads(), ratio));
            }
        }
        return String.format(Locale.ROOT, "Goal of issue 13 (DJL ≥ 0.9 × Python's training throughput): %s.",
                below.isEmpty() ? "met in all " + compared.size() + " configurations"
                        : "**not met** in " + below.size() + " of " + compared.size() + ": "
                        + String.join(", ", below));
    }

    private static String command(Settings s) {
        String c = "java -jar target/geoprospect.jar benchmark train --networks "
                + String.join(",", s.networks())
                + " --input-sizes " + join(s.inputSizes()) + " --batch " + s.batch() + " --channels " + s.channels()
                + " --warmup " + s.warmup() + " --steps " + s.steps();
        return s.threads().isEmpty() ? c : c + " --threads " + join(s.threads());
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    static double median(List<Timing> timings, ToDoubleFunction<Timing> f) {
        double[] v = timings.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double wall(List<Timing> timings) {
        return median(timings, Timing::wall);
    }

    private static String cell(List<Timing> timings) {
        return cell(timings, Timing::wall);
    }

    /** The median with the range, e.g. {@code 0.734 s (0.701–0.802)}; a dash without figures. */
    private static String cell(List<Timing> timings, ToDoubleFunction<Timing> f) {
        if (timings == null || timings.isEmpty()) {
            return "–";
        }
        double min = timings.stream().mapToDouble(f).min().orElseThrow();
        double max = timings.stream().mapToDouble(f).max().orElseThrow();
        return fmt(median(timings, f)) + " s (" + fmt(min) + "–" + fmt(max) + ")";
    }

    private static String cpu(List<Timing> ours, List<Timing> theirs) {
        return fmt(median(ours, Timing::cpu)) + " / "
                + (theirs == null || theirs.isEmpty() ? "–" : fmt(median(theirs, Timing::cpu)));
    }

    private static String rate(int batch, List<Timing> timings) {
        return timings == null || timings.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", batch / wall(timings));
    }

    private static String ratio(List<Timing> ours, List<Timing> theirs) {
        if (theirs == null || theirs.isEmpty()) {
            return "–";
        }
        double r = wall(theirs) / wall(ours);
        return String.format(Locale.ROOT, r < GOAL ? "**%.2f×**" : "%.2f×", r);
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, seconds < 0.1 ? "%.4f" : "%.3f", seconds);
    }

    /** The CPU as this process sees it: cores, model, and whether the kernel reports its caches. */
    private static String machine() {
        String model = "an unknown CPU";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(model);
        } catch (IOException e) {
            // not Linux: the model stays unknown
        }
        boolean caches = Files.isDirectory(Path.of("/sys/devices/system/cpu/cpu0/cache"));
        return String.format(Locale.ROOT, "%d cores of an %s (%s)", Runtime.getRuntime().availableProcessors(),
                model, caches ? "the kernel reports its caches" : "a VM that reports no CPU cache hierarchy");
    }

    /** The 1-minute load average, or "?" where there is none. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
