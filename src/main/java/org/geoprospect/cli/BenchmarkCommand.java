package org.geoprospect.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.benchmark.TrainComparison;
import org.geoprospect.testdata.ElementModel;
import org.geoprospect.testdata.GeneratedSurvey;
import org.geoprospect.testdata.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code benchmark idw|worker|train}. {@code idw} times, in one run on one machine, our {@code interpolate} at the paper's scale (a synthetic
 * survey of about 7,200 samples × 16 elements onto 3072 × 3072 cells) against GDAL's {@code gdal_grid} making the
 * same 16 bands — {@code -a invdist} (all points) for every band, and {@code -a invdistnn} (the same algorithm as
 * ours: power, 12 nearest) for as many bands as asked, extrapolated to 16 and marked so — and writes the figures
 * to a Markdown file. {@code worker}: see {@link WorkerBenchmark}; {@code train}: see {@link TrainComparison}. Each
 * rewrites its own section of the file and keeps the others.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Time IDW against gdal_grid, the native worker's cost, or training against PyTorch in Python, "
                + "and write docs/benchmarks.md.")
final class BenchmarkCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "idw|worker|train", description = "What to benchmark: idw (interpolate "
            + "against gdal_grid at the paper's scale), worker (what running the native processes in a worker costs) "
            + "or train (training and inference throughput against PyTorch in Python on the same CPU).")
    String what;

    @Option(names = "--out", defaultValue = "docs/benchmarks.md", paramLabel = "FILE",
            description = "Markdown file to write (default ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--size", defaultValue = "3072", description = "Grid side in cells (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--gdal-bands", defaultValue = "16",
            description = "Bands to run gdal_grid -a invdist for (default ${DEFAULT-VALUE}).")
    int invdistBands;

    @Option(names = "--gdal-nn-bands", defaultValue = "1",
            description = "Bands to run gdal_grid -a invdistnn for, extrapolated to all (default ${DEFAULT-VALUE}; "
                    + "each takes minutes at full size).")
    int nnBands;

    @Option(names = "--radius", defaultValue = "5000", paramLabel = "M",
            description = "Search radius in metres for ours and invdistnn (default ${DEFAULT-VALUE}, about ten sample "
                    + "spacings; gdal_grid's invdistnn is far slower with a radius that covers every sample).")
    double radius;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a temporary one).")
    Path work;

    @Option(names = "--networks", defaultValue = "resnet18,resnet50", paramLabel = "IDS",
            description = "train: networks to time, comma-separated (default ${DEFAULT-VALUE}).")
    String networks;

    @Option(names = "--input-sizes", defaultValue = "56,64", paramLabel = "CELLS",
            description = "train: input sides in cells, comma-separated (default ${DEFAULT-VALUE}).")
    String inputSizes;

    @Option(names = "--channels", defaultValue = "8", description = "train: input channels (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--batch", defaultValue = "32", description = "train: patches per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "2",
            description = "train: untimed steps before each timed series (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "5",
            description = "train: timed steps of each series (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", paramLabel = "N[,N...]", description = "train: intra-op threads, the same on both "
            + "sides; each configuration runs once per count (default: our engine's default, given to Python too).")
    String threads;

    @Option(names = "--python", paramLabel = "PYTHON", description = "train: the Python interpreter with torch and "
            + "torchvision (default /usr/bin/python3 where it exists, else python3 on the PATH).")
    String python;

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("idw", "worker", "train").contains(what)) {
            throw new InvalidInputException("benchmark", "unknown benchmark '" + what + "'; available: idw, worker, "
                    + "train");
        }
        TrainComparison.Settings train = "train".equals(what) ? trainSettings() : null; // checked before any work
        OutputLocations.checkFile("--out", report); // written last, after minutes of work
        if (work != null) {
            OutputLocations.checkFolder("--work", work);
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("geoprospect-bench");
        if ("worker".equals(what)) {
            new WorkerBenchmark(err, dir).run(report);
            out.println(report);
            return Main.OK;
        }
        if (train != null) {
            BenchmarkReport.writeSection(report, TrainComparison.HEADING, new TrainComparison(err, dir).run(train));
            out.println(report);
            return Main.OK;
        }
        err.println("generating the paper-scale synthetic survey in " + dir);
        GeneratedSurvey survey = SyntheticSurvey.paperScale(42).generate();
        survey.write(dir);
        Path samples = dir.resolve(GeneratedSurvey.SAMPLES_FILE);
        List<ElementModel> elements = survey.elements();
        var extent = survey.parameters().extent();
        String crs = survey.parameters().crs().id();
        int n = Files.readAllLines(samples).size() - 1;

        List<String> ourArgs = new ArrayList<>(List.of("interpolate", "--samples", samples.toString(), "--crs", crs,
                "--elements", String.join(",", elements.stream().map(ElementModel::symbol).toList()),
                "--size", size + "x" + size,
                "--extent", extent.minX() + "," + extent.minY() + "," + extent.maxX() + "," + extent.maxY(),
                "--power", "2", "--neighbours", "12", "--radius", Double.toString(radius), "--normalize", "none",
                "--out", dir.resolve("ours.tif").toString(), "--report", dir.resolve("ours.json").toString()));
        double[] ours = new double[2];
        double[] idwOnly = new double[2];
        for (int rep = 0; rep < ours.length; rep++) {
            long t0 = System.nanoTime();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            int rc = Main.run(ourArgs.toArray(String[]::new), new PrintStream(sink), new PrintStream(sink), false);
            ours[rep] = (System.nanoTime() - t0) / 1e9;
            if (rc != Main.OK) {
                err.println(sink.toString(StandardCharsets.UTF_8));
                return rc;
            }
            idwOnly[rep] = new ObjectMapper().readTree(dir.resolve("ours.json").toFile())
                    .at("/seconds/interpolate").asDouble();
            err.printf(Locale.ROOT, "ours, run %d: %.2f s (IDW alone %.2f s)%n", rep + 1, ours[rep], idwOnly[rep]);
        }

        Path vrt = dir.resolve("samples.vrt");
        Files.writeString(vrt, """
                <OGRVRTDataSource><OGRVRTLayer name="samples"><SrcDataSource>%s</SrcDataSource>
                <GeometryType>wkbPoint</GeometryType><GeometryField encoding="PointFromColumns" x="x" y="y"/>
                </OGRVRTLayer></OGRVRTDataSource>
                """.formatted(samples.toAbsolutePath()));
        String txe = extent.minX() + " " + extent.maxX();
        String tye = extent.minY() + " " + extent.maxY();
        double invdist = 0;
        for (int b = 0; b < Math.min(invdistBands, elements.size()); b++) {
            invdist += gdalGrid(vrt, elements.get(b).column(), "invdist:power=2.0:smoothing=0.0", txe, tye, dir);
        }
        double nn = 0;
        int nnRun = Math.min(nnBands, elements.size());
        for (int b = 0; b < nnRun; b++) {
            nn += gdalGrid(vrt, elements.get(b).column(), "invdistnn:power=2.0:max_points=12:radius=" + radius,
                    txe, tye, dir);
        }
        writeReport(n, elements.size(), ours, idwOnly, invdist, Math.min(invdistBands, elements.size()), nn, nnRun,
                elements.size());
        out.println(report);
        return Main.OK;
    }

    private TrainComparison.Settings trainSettings() {
        String interpreter = python != null ? python
                : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        return new TrainComparison.Settings(Arrays.stream(networks.split(",")).map(String::strip).toList(),
                integers("--input-sizes", inputSizes), channels, batch, warmup, steps,
                threads == null ? List.of() : integers("--threads", threads), interpreter);
    }

    /** A comma-separated list of positive integers given for an option. */
    private static List<Integer> integers(String option, String value) {
        try {
            List<Integer> v = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
            if (v.stream().anyMatch(i -> i < 1)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option.substring(2), option + " takes positive integers separated by "
                    + "commas, got '" + value + "'");
        }
    }

    private double gdalGrid(Path vrt, String field, String algorithm, String txe, String tye, Path dir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gdal_grid", "--config", "GDAL_NUM_THREADS", "ALL_CPUS",
                "-q", "-zfield", field, "-a", algorithm));
        cmd.addAll(List.of("-txe", txe.split(" ")[0], txe.split(" ")[1], "-tye", tye.split(" ")[0],
                tye.split(" ")[1], "-outsize", Integer.toString(size), Integer.toString(size), "-ot", "Float32",
                "-of", "GTiff", "-l", "samples", vrt.toString(), dir.resolve("gdal.tif").toString()));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new InvalidInputException("benchmark", "gdal_grid is not installed (apt-get install gdal-bin)");
        }
        if (p.waitFor() != 0) {
            throw new org.geoprospect.core.ExecutionFailedException("gdal_grid failed: " + cmd, null);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "gdal_grid %s %s: %.2f s%n", algorithm.split(":")[0], field, s);
        return s;
    }

    private void writeReport(int samples, int bands, double[] ours, double[] idwOnly, double invdist, int invdistRun, double nn,
                             int nnRun, int allBands) throws IOException, InterruptedException {
        double best = Math.min(ours[0], ours[1]);
        double invdistAll = invdist / invdistRun * allBands;
        double nnAll = nn / nnRun * allBands;
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB Java heap, Java "
                + System.getProperty("java.version") + ", " + command("gdalinfo", "--version");
        String md = """
                Measured %s on %s.
                Reproduce with `java -jar target/geoprospect.jar benchmark idw` (about 10 minutes; it writes this file).

                Input: the paper-scale synthetic survey (`generate-test-data --scale paper --seed 42`): %,d samples,
                %d elements, onto %d × %d cells (%,d cells per band). Ours: `interpolate` end to end (read CSV,
                k = 12 nearest within %.0f m, power 2, write a %d-band float32 GeoTIFF), wall time of a whole run in the JVM, after
                one warm-up run. GDAL: `gdal_grid` with `GDAL_NUM_THREADS=ALL_CPUS`, one run per band (gdal_grid
                makes one band per run), writing a float32 GeoTIFF.

                | run | what it computes | time for %d bands | ours is faster by |
                | --- | --- | ---: | ---: |
                | ours, run 1 (cold JVM), end to end | read CSV, IDW (12 nearest within the radius, power 2), write GeoTIFF | %.1f s | |
                | ours, run 2, end to end | the same | %.1f s | |
                | ours, run 2, the IDW step alone | IDW, 16 bands in memory | %.1f s | |
                | `gdal_grid -a invdist:power=2` | IDW over **all** points (%d of %d bands run%s) | %.1f s | %.1f× |
                | `gdal_grid -a invdistnn:power=2:max_points=12:radius=%.0f` | the same algorithm as ours (%d of %d bands run, **extrapolated**) | %.1f s | %.1f× |

                Target of issue #2: ≤ 10 s on 2 cores and ≥ 5× faster than gdal_grid. %s

                Notes: `invdist` is not the same interpolation as ours (it weights every sample, so it is smoother);
                it is the comparison the issue names and GDAL's fastest IDW. `invdistnn` computes what we compute
                (tests check agreement to 1e-4 on real data), but takes minutes per band at this size, so the default
                run times one band and multiplies by %d; `--gdal-nn-bands 16` runs all of them.
                """.formatted(LocalDate.now(), machine, samples, bands, size, size, (long) size * size, radius, bands,
                allBands, ours[0], ours[1], idwOnly[1], invdistRun, allBands, invdistRun < allBands ? ", extrapolated" : "",
                invdistAll, invdistAll / best, radius, nnRun, allBands, nnAll, nnAll / best,
                verdict(best, idwOnly[1], invdistAll),
                allBands / nnRun);
        BenchmarkReport.writeSection(report, "## IDW at the paper's scale: `interpolate` vs `gdal_grid`", md);
    }

    /** The targets, said plainly for both the whole run and the IDW step. */
    private static String verdict(double whole, double idw, double gdal) {
        return String.format(Locale.ROOT, "End to end %.1f s: %s; the IDW step alone %.1f s: %s. Against "
                        + "`invdist` over 16 bands the whole run is %.1f× faster: %s.",
                whole, whole <= 10 ? "met" : "**not met**", idw, idw <= 10 ? "met" : "**not met**", gdal / whole,
                gdal / whole >= 5 ? "met" : "**not met**");
    }

    private static String command(String... cmd) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return s;
        } catch (IOException e) {
            return "GDAL not installed";
        }
    }
}
