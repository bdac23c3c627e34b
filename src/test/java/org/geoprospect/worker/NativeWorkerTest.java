package org.geoprospect.worker;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.process.InterpolateProcess;
import org.geoprospect.process.PredictTargetsProcess;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessResult;
import org.geoprospect.process.TrainModelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native worker as a host uses it: processes with native code run in a child JVM that keeps its model cache
 * between jobs, and a worker killed, crashed or hung fails its job with a message saying how, while the host goes
 * on and the next job gets a new worker.
 */
@Tag("slow") // worker JVMs started, crashed and killed
class NativeWorkerTest {
    @TempDir
    static Path dir;
    private static Path grid;
    private static NativeWorker worker;

    @BeforeAll
    static void setUp() throws Exception {
        grid = dir.resolve("survey.tif");
        InterpolateProcess p = new InterpolateProcess();
        p.execute(ProcessInputs.of(p.description(), Map.of("samples", List.of("test-data/samples.csv"),
                        "crs", List.of("EPSG:32650"), "elements", List.of("Au,Cu,Sb,Mo"),
                        "cellSize", List.of("150"), "log", List.of("true"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> id.equals("grid") ? grid : null));
        worker = NativeWorker.builder(dir.resolve("worker"), dir.resolve("models")).optHeapBytes(1L << 30)
                .optCancelGrace(Duration.ofSeconds(3)).build();
    }

    @AfterAll
    static void tearDown() {
        worker.close();
    }

    private static ProcessResult train(String name, int epochs, ProgressListener progress,
                                       Cancellation cancellation) {
        TrainModelProcess p = new TrainModelProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(grid.toString()));
        in.put("deposits", List.of("test-data/deposits.csv"));
        in.put("crs", List.of("EPSG:32650"));
        in.put("elements", List.of("Au,Cu,Sb,Mo"));
        in.put("network", List.of("small"));
        in.put("patch", List.of("24"));
        in.put("epochs", List.of(String.valueOf(epochs)));
        in.put("name", List.of(name));
        return worker.run(p, ProcessInputs.of(p.description(), in),
                new ProcessContext(progress, cancellation, id -> null));
    }

    /** Starts a long training, waits until it reports progress, and returns it with the worker's pid. */
    private static CompletableFuture<ProcessResult> longTraining(Cancellation cancellation) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<ProcessResult> job = CompletableFuture.supplyAsync(() -> train("long", 500,
                (fraction, message) -> {
                    if (message.startsWith("epoch")) {
                        started.countDown();
                    }
                }, cancellation));
        assertTrue(started.await(2, TimeUnit.MINUTES), "training began");
        return job;
    }

    private static Throwable failure(CompletableFuture<ProcessResult> job) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(2, TimeUnit.MINUTES));
        return e.getCause();
    }

    @Test
    void trainsAndPredictsInOneWorkerWhoseCacheKeepsTheModel() throws Exception {
        ProcessResult trained = train("cached", 2, ProgressListener.NONE, Cancellation.none());
        String model = (String) trained.outputs().get("modelId");
        assertTrue(Files.isRegularFile((Path) trained.outputs().get("manifest")), "paths come back as paths");
        long pid = worker.pid();
        // only the worker's cache can serve the prediction once the weights are gone from the store
        try (var files = Files.list(dir.resolve("models").resolve(model))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".params")).toList()) {
                Files.delete(f);
            }
        }
        PredictTargetsProcess p = new PredictTargetsProcess();
        Path out = Files.createDirectories(dir.resolve("predicted"));
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProcessResult predicted = worker.run(p, ProcessInputs.of(p.description(), Map.of("grid",
                        List.of(grid.toString()), "model", List.of(model))),
                new ProcessContext((f, m) -> progress.add(f), Cancellation.none(), id -> p.description().output(id)
                        .map(o -> o.fileName() == null ? null : out.resolve(o.fileName())).orElse(null)));
        assertEquals(pid, worker.pid(), "the same worker");
        assertTrue(Files.isRegularFile(out.resolve("probability.tif")));
        assertEquals(out.resolve("targets.gpkg").toAbsolutePath(), predicted.outputs().get("targets"));
        assertTrue(predicted.outputs().get("summary") instanceof String s && s.contains("targets"));
        assertTrue(progress.size() > 2 && progress.get(progress.size() - 1) == 1.0, "progress crosses over");
    }

    @Test
    void aHostListenerThatThrowsLosesOnlyItsReports() {
        long pid = worker.pid();
        AtomicInteger reports = new AtomicInteger();
        // GeoServer's listener throws when called outside its execution thread
        ProcessResult trained = train("listener", 2, (fraction, message) -> {
            reports.incrementAndGet();
            throw new IllegalStateException("not on my thread");
        }, Cancellation.none());
        assertTrue(reports.get() > 1, "reports kept coming");
        assertTrue(trained.outputs().get("modelId") instanceof String);
        assertEquals(pid, worker.pid(), "the same worker");
    }

    @Test
    void badInputInTheWorkerIsTheCallersError() {
        PredictTargetsProcess p = new PredictTargetsProcess();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> worker.run(p,
                ProcessInputs.of(p.description(), Map.of("grid", List.of(grid.toString()), "model",
                        List.of("no-such-model"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> null)));
        assertEquals("model", e.input(), e.getMessage());
    }

    @Test
    void aKilledWorkerFailsItsJobAndTheNextJobGetsANewOne() throws Exception {
        CompletableFuture<ProcessResult> job = longTraining(Cancellation.none());
        long pid = worker.pid();
        int starts = worker.starts();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Throwable t = failure(job);
        assertInstanceOf(ExecutionFailedException.class, t);
        assertTrue(t.getMessage().contains("killed by SIGKILL") && t.getMessage().contains("trainModel"),
                t.getMessage());
        ProcessResult next = train("after-kill", 1, ProgressListener.NONE, Cancellation.none());
        assertTrue(((String) next.outputs().get("modelId")).startsWith("after-kill"));
        assertEquals(starts + 1, worker.starts());
    }

    @Test
    void aNativeCrashIsReportedWithItsSignalAndFrame() throws Exception {
        CompletableFuture<ProcessResult> job = longTraining(Cancellation.none());
        // a segmentation fault as native code would raise it: the JVM writes its fatal error report and aborts
        new ProcessBuilder("kill", "-SEGV", String.valueOf(worker.pid())).start().waitFor();
        Throwable t = failure(job);
        assertInstanceOf(ExecutionFailedException.class, t);
        assertTrue(t.getMessage().contains("crashed with SIGSEGV in native code"), t.getMessage());
        assertTrue(!t.getMessage().contains(dir.toString()), "no server path in the message: " + t.getMessage());
        ProcessResult next = train("after-crash", 1, ProgressListener.NONE, Cancellation.none());
        assertTrue(((String) next.outputs().get("modelId")).startsWith("after-crash"));
    }

    @Test
    void cancellingStopsTheJobInTheWorker() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ProcessResult> job = longTraining(cancellation);
        long pid = worker.pid();
        cancellation.cancel();
        assertInstanceOf(CancelledException.class, failure(job));
        assertEquals(pid, worker.pid(), "a job that stops when asked leaves the worker running");
    }

    @Test
    void aJobThatDoesNotStopWhenCancelledHasTheWorkerKilled() throws Exception {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ProcessResult> job = longTraining(cancellation);
        long pid = worker.pid();
        // a hang in native code: the worker no longer reads or answers anything
        new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor();
        cancellation.cancel();
        assertInstanceOf(CancelledException.class, failure(job));
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "the hung worker was killed");
        ProcessResult next = train("after-hang", 1, ProgressListener.NONE, Cancellation.none());
        assertTrue(((String) next.outputs().get("modelId")).startsWith("after-hang"));
    }
}
