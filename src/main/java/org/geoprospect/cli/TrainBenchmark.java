package org.geoprospect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.TrainingThroughput;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code benchmark train}: our training and inference throughput (DJL with its PyTorch engine) against PyTorch in
 * Python — what a user would pick instead — on the same CPU in the same run: the same torchvision layout (an
 * n-channel stem, 2 classes), batch, input size, optimizer and thread count, each configuration timed on our side
 * and then by {@code torch_train_benchmark.py} (shipped beside this class) in a Python subprocess. Also times what
 * our trainer's own path adds (cropping, flipping and assembling the batch in Java). Writes its section of
 * {@code docs/benchmarks.md}. Without Python's torch the section says so and reports our side alone.
 */
final class TrainBenchmark {
    static final String HEADING = "## Training speed: DJL against PyTorch in Python";
    private static final String SCRIPT = "torch_train_benchmark.py";
    private static final double GOAL = 0.9;
    private static final double LEARNING_RATE = 0.01;
    private static final double MOMENTUM = 0.9;
    private static final double WEIGHT_DECAY = 1e-4;

    /**
     * @param networks   the networks, by id
     * @param inputSizes cells per input side
     * @param threads    intra-op thread counts to run each configuration with; empty: our engine's default
     * @param python     the Python interpreter that has torch and torchvision
     */
    record Settings(List<NetworkArchitecture> networks, List<Integer> inputSizes, int channels, int batch,
                    int warmup, int steps, List<Integer> threads, String python) {
    }

    /** One configuration's figures; {@code python} is null when Python's side did not run. */
    private record Row(NetworkArchitecture network, int inputSize, TrainingThroughput.Result djl, JsonNode python,
                       String loadBefore, String loadAfter) {
    }

    private final PrintStream err;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private String pythonProblem;

    TrainBenchmark(PrintStream err, Path dir) {
        this.err = err;
        this.dir = dir;
    }

    void run(Settings s, Path report) throws IOException, InterruptedException {
        EngineInfo engine = EngineInfo.current();
        List<Integer> threads = s.threads().isEmpty() ? List.of(engine.threads()) : s.threads();
        Path script = extractScript();
        List<Row> rows = new ArrayList<>();
        String loadAtStart = loadAverage();
        long start = System.nanoTime();
        for (NetworkArchitecture network : s.networks()) {
            for (int size : s.inputSizes()) {
                for (int t : threads) {
                    String before = loadAverage();
                    err.printf(Locale.ROOT, "%s, %d px, batch %d, %d thread(s): DJL...%n", network.id(), size,
                            s.batch(), t);
                    TrainingThroughput.Result djl = TrainingThroughput.measure(new TrainingThroughput.Settings(
                            network, s.channels(), size, s.batch(), s.warmup(), s.steps(), t, LEARNING_RATE,
                            MOMENTUM, WEIGHT_DECAY));
                    err.printf(Locale.ROOT, "  DJL training step %.3f s, inference %.3f s; Python...%n",
                            median(djl.trainSteps()), median(djl.inferenceBatches()));
                    JsonNode py = python(s, script, network, size, djl.threads(), djl.interopThreads());
                    if (py != null) {
                        err.printf(Locale.ROOT, "  Python training step %.3f s, inference %.3f s%n",
                                median(seconds(py, "trainSeconds")), median(seconds(py, "inferenceSeconds")));
                    }
                    rows.add(new Row(network, size, djl, py, before, loadAverage()));
                }
            }
        }
        double minutes = (System.nanoTime() - start) / 60e9;
        String md = markdown(s, engine, rows, loadAtStart, minutes);
        BenchmarkReport.writeSection(report, HEADING, md);
        err.print(md);
    }

    /** Python's figures for one configuration, or null (with {@link #pythonProblem} set) when it could not run. */
    private JsonNode python(Settings s, Path script, NetworkArchitecture network, int size, int threads,
                            int interopThreads) throws IOException, InterruptedException {
        if (pythonProblem != null && pythonProblem.startsWith("Python PyTorch is not available")) {
            return null; // said once; it will not appear between two configurations
        }
        List<String> cmd = List.of(s.python(), script.toString(), "--network", network.id(),
                "--channels", Integer.toString(s.channels()), "--batch", Integer.toString(s.batch()),
                "--size", Integer.toString(size), "--warmup", Integer.toString(s.warmup()),
                "--steps", Integer.toString(s.steps()), "--inference-steps", Integer.toString(s.steps()),
                "--threads", Integer.toString(threads), "--interop-threads", Integer.toString(interopThreads),
                "--lr", Double.toString(LEARNING_RATE), "--momentum", Double.toString(MOMENTUM),
                "--weight-decay", Double.toString(WEIGHT_DECAY));
        Path errors = dir.resolve("python-stderr.txt");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            pythonProblem = "Python PyTorch is not available: cannot run " + s.python() + " (" + e.getMessage()
                    + "); install python3-torch and python3-torchvision, or name the interpreter with --python";
            err.println(pythonProblem);
            return null;
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.HOURS)) {
            p.destroyForcibly();
        }
        String stderr = Files.readString(errors).strip();
        if (p.exitValue() == 3) {
            pythonProblem = stderr.isEmpty() ? "Python PyTorch is not available" : stderr;
            err.println(pythonProblem);
            return null;
        }
        if (p.exitValue() != 0) {
            pythonProblem = "the Python side failed for " + network.id() + " at " + size + " px (exit "
                    + p.exitValue() + "): " + lastLine(stderr);
            err.println(pythonProblem);
            return null;
        }
        return json.readTree(out);
    }

    private Path extractScript() throws IOException {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = TrainBenchmark.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the jar");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    private String markdown(Settings s, EngineInfo engine, List<Row> rows, String loadAtStart, double minutes) {
        JsonNode anyPython = rows.stream().map(Row::python).filter(p -> p != null).findFirst().orElse(null);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, """
                Measured %s on %s, **shared with other developers' builds** (load average %s at the start, %s at \
                the end; each row gives it before and after that row). Ours: Java %s, DJL %s with %s %s (its own \
                libtorch, MKL and oneDNN). Python: %s.
                Reproduce with `%s` (%.1f minutes here; it rewrites this section). The investigation of the \
                differences, with the commands for each factor, is in [`train-speed.md`](train-speed.md).

                Same work on both sides, configuration by configuration (ours first, then Python's, so both meet \
                the same load): torchvision's layout (our `%s` and torchvision's with a %d-channel stem and 2 \
                classes), batch %d of random %d-channel patches, softmax cross-entropy, SGD with momentum %.1f, \
                learning rate %.2f, weight decay %.0e; %d warm-up steps, then %d timed steps; the figures are \
                the median step (min–max in brackets). A training step is forward, loss, backward and the \
                optimizer's step on a batch already in a tensor; an inference step is a forward pass in \
                inference mode without gradients (Python: `eval()` under `torch.no_grad()`). Both sides run the \
                same number of intra-op threads (the threads column: DJL / Python, as each engine reports them).

                """, LocalDate.now(), machine(), loadAtStart, loadAverage(), System.getProperty("java.version"),
                EngineInfo.djlVersion(), engine.engine(), engine.version(),
                anyPython == null ? "not run — " + pythonProblem : String.format(Locale.ROOT,
                        "Python %s, Debian's PyTorch %s and torchvision %s (oneDNN %s, ATen kernels %s)",
                        anyPython.path("python").asText(), anyPython.path("torch").asText(),
                        anyPython.path("torchvision").asText(),
                        anyPython.path("mkldnnEnabled").asBoolean() ? "on" : "off",
                        anyPython.path("cpuCapability").asText()),
                command(s), minutes,
                String.join("`, `", s.networks().stream().map(NetworkArchitecture::id).toList()), s.channels(),
                s.batch(), s.channels(), MOMENTUM, LEARNING_RATE, WEIGHT_DECAY, s.warmup(), s.steps()));
        if (pythonProblem != null) {
            md.append("**Python's side:** ").append(pythonProblem).append("\n\n");
        }
        md.append("### Training\n\n")
                .append("| network | input | threads | oneDNN in training (DJL / Python) | DJL step | Python step "
                        + "| DJL patches/s | Python patches/s | DJL ÷ Python | load before / after |\n")
                .append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Row r : rows) {
            List<Double> py = r.python() == null ? null : seconds(r.python(), "trainSeconds");
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s / %s | %s | %s | %s | %s | %s | %s / %s |%n",
                    r.network().id(), r.inputSize(), threads(r), r.djl().oneDnnOff() == null ? "on" : "**off**",
                    r.python() == null ? "–" : r.python().path("mkldnnEnabled").asBoolean() ? "on" : "off",
                    stepCell(r.djl().trainSteps()), stepCell(py), rate(s.batch(), r.djl().trainSteps()),
                    rate(s.batch(), py), ratio(r.djl().trainSteps(), py), r.loadBefore(), r.loadAfter()));
        }
        md.append("\n### Inference\n\n")
                .append("| network | input | threads | DJL batch | Python batch | DJL patches/s | Python patches/s "
                        + "| DJL ÷ Python |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            List<Double> py = r.python() == null ? null : seconds(r.python(), "inferenceSeconds");
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s | %s | %s | %s | %s |%n",
                    r.network().id(), r.inputSize(), threads(r), stepCell(r.djl().inferenceBatches()),
                    stepCell(py), rate(s.batch(), r.djl().inferenceBatches()), rate(s.batch(), py),
                    ratio(r.djl().inferenceBatches(), py)));
        }
        md.append("""

                ### What our trainer adds: batch assembly in Java

                `Trainer`'s step also crops and flips each patch (`Augmenter`, from patches 8 cells larger than \
                the input, as the CPU preset's 64 → 56), copies the batch into its tensor (`PatchBatch`) and \
                counts the correct predictions; timed on the same model right after the training series.

                | network | input | threads | step on a ready tensor | `Trainer`'s step | of which batch assembly \
                | assembly's share |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d px | %s | %s | %s | %s | %.1f %% |%n",
                    r.network().id(), r.inputSize(), threads(r), stepCell(r.djl().trainSteps()),
                    stepCell(r.djl().trainerSteps()), stepCell(r.djl().assembly()),
                    100 * median(r.djl().assembly()) / median(r.djl().trainerSteps())));
        }
        md.append('\n').append(parameters(rows)).append('\n').append(verdict(rows)).append('\n');
        return md.toString();
    }

    private static String threads(Row r) {
        return r.djl().threads() + " / " + (r.python() == null ? "–" : r.python().path("threads").asText());
    }

    /** Whether both sides built the same network: the trainable parameter counts. */
    private static String parameters(List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (NetworkArchitecture n : rows.stream().map(Row::network).distinct().toList()) {
            Row r = rows.stream().filter(x -> x.network() == n).findFirst().orElseThrow();
            long ours = r.djl().parameters();
            String theirs = r.python() == null ? "not run" : String.format(Locale.ROOT, "%,d",
                    r.python().path("parameters").asLong());
            parts.add(String.format(Locale.ROOT, "%s %,d ours, %s torchvision's%s", n.id(), ours, theirs,
                    r.python() != null && r.python().path("parameters").asLong() != ours ? " (**differ**)" : ""));
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
            double ratio = median(seconds(r.python(), "trainSeconds")) / median(r.djl().trainSteps());
            if (ratio < GOAL) {
                below.add(String.format(Locale.ROOT, "%s at %d px with %d thread(s) (%.2f×)", r.network().id(),
                        r.inputSize(), r.djl().threads(), ratio));
            }
        }
        return String.format(Locale.ROOT, "Goal of issue 13 (DJL ≥ 0.9 × Python's training throughput): %s.",
                below.isEmpty() ? "met in all " + compared.size() + " configurations"
                        : "**not met** in " + below.size() + " of " + compared.size() + ": " + String.join(", ",
                        below));
    }

    private static String command(Settings s) {
        StringBuilder c = new StringBuilder("java -jar target/geoprospect.jar benchmark train");
        c.append(" --networks ").append(String.join(",", s.networks().stream().map(NetworkArchitecture::id)
                .toList()));
        c.append(" --input-sizes ").append(join(s.inputSizes(), Object::toString));
        c.append(" --batch ").append(s.batch()).append(" --channels ").append(s.channels());
        c.append(" --warmup ").append(s.warmup()).append(" --steps ").append(s.steps());
        if (!s.threads().isEmpty()) {
            c.append(" --threads ").append(join(s.threads(), Object::toString));
        }
        return c.toString();
    }

    private static <T> String join(List<T> values, Function<T, String> f) {
        return String.join(",", values.stream().map(f).toList());
    }

    private static List<Double> seconds(JsonNode python, String field) {
        List<Double> s = new ArrayList<>();
        python.path(field).forEach(v -> s.add(v.asDouble()));
        return s;
    }

    static double median(List<Double> seconds) {
        double[] v = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String stepCell(List<Double> seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return "–";
        }
        DoubleSummary d = new DoubleSummary(seconds);
        return String.format(Locale.ROOT, "%s s (%s–%s)", fmt(median(seconds)), fmt(d.min), fmt(d.max));
    }

    private static String rate(int batch, List<Double> seconds) {
        return seconds == null || seconds.isEmpty() ? "–"
                : String.format(Locale.ROOT, "%.1f", batch / median(seconds));
    }

    private static String ratio(List<Double> ours, List<Double> theirs) {
        if (theirs == null || theirs.isEmpty()) {
            return "–";
        }
        double r = median(theirs) / median(ours);
        return String.format(Locale.ROOT, r < GOAL ? "**%.2f×**" : "%.2f×", r);
    }

    private static String fmt(double seconds) {
        return String.format(Locale.ROOT, seconds < 0.1 ? "%.4f" : "%.3f", seconds);
    }

    private record DoubleSummary(double min, double max) {
        DoubleSummary(List<Double> v) {
            this(v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
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

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** Parses a comma-separated list of positive integers for an option. */
    static List<Integer> integers(String option, String value) {
        try {
            List<Integer> v = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
            if (v.isEmpty() || v.stream().anyMatch(i -> i < 1)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new org.geoprospect.core.InvalidInputException(option.replace("--", ""), option
                    + " takes positive integers separated by commas, got '" + value + "'");
        }
    }
}
