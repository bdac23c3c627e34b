package org.geoprospect.cli;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.learn.ModelLibrary;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InterpolateProcess;
import org.geoprospect.process.PredictTargetsProcess;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessRunner;
import org.geoprospect.process.TrainModelProcess;
import org.geoprospect.testdata.GeneratedSurvey;
import org.geoprospect.testdata.SyntheticSurvey;
import org.geoprospect.worker.NativeWorker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code benchmark worker}: what running the native processes in a worker process costs — the worker's start-up,
 * the time a prediction takes there against here (cold, then with the model cached), and the worker's memory — on
 * the demo survey, in one run.
 */
final class WorkerBenchmark {
    private static final String ELEMENTS = "Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba";
    private static final int RUNS = 3;

    private final PrintStream err;
    private final Path dir;

    WorkerBenchmark(PrintStream err, Path dir) {
        this.err = err;
        this.dir = dir;
    }

    void run(Path report) throws IOException {
        Path survey = Path.of("test-data");
        if (!Files.isRegularFile(survey.resolve(GeneratedSurvey.SAMPLES_FILE))) {
            survey = Files.createDirectories(dir.resolve("survey"));
            SyntheticSurvey.builder().seed(42).build().generate().write(survey);
        }
        Path grid = dir.resolve("grid.tif");
        execute(ProcessRunner.IN_PROCESS, new InterpolateProcess(), Map.of("samples",
                survey.resolve(GeneratedSurvey.SAMPLES_FILE).toString(), "crs", "EPSG:32650", "elements", ELEMENTS,
                "cellSize", "150", "log", "true"), id -> id.equals("grid") ? grid : null, null);
        Path store = dir.resolve("models");
        String model;
        Map<String, String> predict;
        double[] here = new double[RUNS];
        try (ModelLibrary models = new ModelLibrary(store)) {
            model = (String) execute(ProcessRunner.IN_PROCESS, new TrainModelProcess(), Map.of("grid",
                    grid.toString(), "deposits", survey.resolve(GeneratedSurvey.DEPOSITS_FILE).toString(), "crs",
                    "EPSG:32650", "elements", ELEMENTS, "network", "resnet18", "patch", "24", "epochs", "1",
                    "name", "bench"), id -> null, models).get("modelId");
            err.println("trained " + model + "; predicting here, then in the worker");
            predict = Map.of("grid", grid.toString(), "model", model);
            for (int i = 0; i < RUNS; i++) {
                here[i] = timedPredict(ProcessRunner.IN_PROCESS, predict, "here-" + i, models);
            }
        }
        double[] there = new double[RUNS];
        double start;
        long rssStarted;
        long rssAfter;
        try (NativeWorker worker = NativeWorker.builder(dir.resolve("worker"), store)
                .optOutput(ProcessBuilder.Redirect.DISCARD).build()) {
            long t0 = System.nanoTime();
            worker.start();
            start = (System.nanoTime() - t0) / 1e9;
            rssStarted = rssKiB(worker.pid());
            for (int i = 0; i < RUNS; i++) {
                there[i] = timedPredict(worker, predict, "worker-" + i, null);
            }
            rssAfter = rssKiB(worker.pid());
        }
        long hostRss = rssKiB(ProcessHandle.current().pid());
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version");
        String md = String.format(Locale.ROOT, """
                Measured %s on %s. Reproduce with `java -jar target/geoprospect.jar benchmark worker` (about a
                minute; it rewrites this section).

                `trainModel` and `predictTargets` run in a worker process on the server (and in GeoServer), so that a
                native crash fails a job instead of the host. What that costs, on the demo survey (8 elements,
                150 m cells), a ResNet-18 model, `predictTargets` with the paper's 12 × 12 tiles; wall time of the
                whole process call, outputs written:

                | | in the host's JVM | in the worker | worker − host |
                | --- | ---: | ---: | ---: |
                | worker start-up (JVM + engine), once per worker | | %.2f s | |
                | prediction 1 (model loaded from the store) | %.3f s | %.3f s | %+.3f s |
                | prediction 2 (model from the cache) | %.3f s | %.3f s | %+.3f s |
                | prediction 3 (model from the cache) | %.3f s | %.3f s | %+.3f s |

                The first prediction in a new worker pays for a cold JVM (class loading, JIT compilation) besides
                the model's load; later ones differ from the host's by the socket round trip and the noise between
                runs. Memory: the worker's resident set is %,d MiB once started (JVM and libtorch) and %,d MiB after the
                predictions (model cached); the host that ran the same predictions itself holds %,d MiB. The model
                cache lives in the worker: the second prediction there does not load the weights again.
                """, LocalDate.now(), machine, start, here[0], there[0], there[0] - here[0], here[1], there[1],
                there[1] - here[1], here[2], there[2], there[2] - here[2], rssStarted >> 10, rssAfter >> 10,
                hostRss >> 10);
        BenchmarkReport.writeSection(report, "## The native worker: what isolation costs", md);
        err.print(md);
    }

    private double timedPredict(ProcessRunner runner, Map<String, String> inputs, String name, ModelLibrary models)
            throws IOException {
        Path out = Files.createDirectories(dir.resolve(name));
        PredictTargetsProcess p = new PredictTargetsProcess();
        long t0 = System.nanoTime();
        execute(runner, p, inputs, id -> p.description().output(id)
                .map(o -> o.fileName() == null ? null : out.resolve(o.fileName())).orElse(null), models);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Map<String, Object> execute(ProcessRunner runner, GeoProcess process, Map<String, String> inputs,
                                               java.util.function.Function<String, Path> targets,
                                               ModelLibrary models) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        inputs.forEach((k, v) -> raw.put(k, List.of(v)));
        return runner.run(process, ProcessInputs.of(process.description(), raw),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), targets, models)).outputs();
    }

    /** A process's resident set in KiB, from the kernel. */
    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
