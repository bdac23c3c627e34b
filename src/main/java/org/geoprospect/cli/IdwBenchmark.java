package org.geoprospect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.testdata.ElementModel;
import org.geoprospect.testdata.GeneratedSurvey;
import org.geoprospect.testdata.SyntheticSurvey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmark idw}: times, in one run on one machine, our {@code interpolate} against GDAL's {@code gdal_grid}
 * on the paper-scale synthetic survey (about 7,200 samples), in cases side by side: the paper's (all 16 elements onto
 * 3072 × 3072 cells) and a small job (8 elements onto 1536 × 1536), where fixed costs — starting the JVM, reading the
 * samples, loading classes — weigh most. Ours is timed twice per case: as a fresh JVM ({@code java … interpolate},
 * what one command-line job waits for) and as the second run inside the benchmark's JVM (warm, as a server runs
 * jobs), each with its {@code seconds.read} and IDW step from the process's report. GDAL makes one band per run:
 * {@code -a invdist} (all points) for as many bands as asked, and {@code -a invdistnn} (the same algorithm as ours:
 * power 2, 12 nearest within the radius) likewise; bands not run are extrapolated and marked so.
 */
final class IdwBenchmark {
    static final String HEADING = "## IDW at the paper's scale: `interpolate` vs `gdal_grid`";
    /** The small job of issue 13: a grid side of 1536 cells and 8 elements. */
    static final int SMALL_SIZE = 1536;
    static final int SMALL_ELEMENTS = 8;

    /**
     * One case: a grid side and the number of elements, taken from the survey's ore-related ones first (Au, Ag, Cu,
     * Sn, Sb, Hg, Mo, Ba: the eight the paper's selection keeps), then the others in file order.
     */
    record Case(int size, int elements) {
    }

    private final PrintStream err;
    private final Path dir;
    private final double radius;
    private final int invdistBands;
    private final int nnBands;

    IdwBenchmark(PrintStream err, Path dir, double radius, int invdistBands, int nnBands) {
        this.err = err;
        this.dir = dir;
        this.radius = radius;
        this.invdistBands = invdistBands;
        this.nnBands = nnBands;
    }

    /** Measures every case and writes the section of {@code report}. */
    void run(List<Case> cases, Path report) throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        err.println("generating the paper-scale synthetic survey in " + dir);
        GeneratedSurvey survey = SyntheticSurvey.paperScale(42).generate();
        survey.write(dir);
        Path samples = dir.resolve(GeneratedSurvey.SAMPLES_FILE);
        int n = Files.readAllLines(samples).size() - 1;
        List<ElementModel> ordered = new ArrayList<>(survey.elements());
        ordered.sort(Comparator.comparing(e -> !e.oreRelated())); // stable: file order within each group
        for (Case c : cases) {
            if (c.elements() < 1 || c.elements() > ordered.size()) {
                throw new InvalidInputException("benchmark", "a case needs 1 to " + ordered.size() + " elements, not "
                        + c.elements());
            }
        }
        List<IdwBenchmarkText.Column> columns = new ArrayList<>();
        for (Case c : cases) {
            columns.add(measure(c, survey, ordered.subList(0, c.elements()), samples));
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB Java heap, Java "
                + System.getProperty("java.version") + ", " + gdalVersion();
        String text = new IdwBenchmarkText(LocalDate.now(), machine, loadBefore + " at the start, " + loadAverage()
                + " at the end", n, radius).text(columns);
        BenchmarkReport.writeSection(report, HEADING, text);
    }

    private IdwBenchmarkText.Column measure(Case c, GeneratedSurvey survey, List<ElementModel> elements, Path samples)
            throws IOException, InterruptedException {
        var extent = survey.parameters().extent();
        String name = c.size() + "x" + c.size() + "-" + c.elements();
        Path json = dir.resolve(name + ".json");
        List<String> args = List.of("interpolate", "--samples", samples.toString(), "--crs",
                survey.parameters().crs().id(),
                "--elements", String.join(",", elements.stream().map(ElementModel::symbol).toList()),
                "--size", c.size() + "x" + c.size(),
                "--extent", extent.minX() + "," + extent.minY() + "," + extent.maxX() + "," + extent.maxY(),
                "--power", "2", "--neighbours", "12", "--radius", Double.toString(radius), "--normalize", "none",
                "--out", dir.resolve(name + ".tif").toString(), "--report", json.toString());

        double fresh = freshJvm(args, dir.resolve(name + ".log"));
        double freshRead = seconds(json, "read");
        err.printf(Locale.ROOT, "%s, fresh JVM: %.2f s (read %.2f s)%n", name, fresh, freshRead);
        double warm = 0;
        for (int rep = 0; rep < 2; rep++) { // the first warms this JVM up for this case
            long t0 = System.nanoTime();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            int rc = Main.run(args.toArray(String[]::new), new PrintStream(sink), new PrintStream(sink), false);
            warm = (System.nanoTime() - t0) / 1e9;
            if (rc != Main.OK) {
                throw new ExecutionFailedException("interpolate failed: " + sink.toString(StandardCharsets.UTF_8),
                        null);
            }
        }
        double warmRead = seconds(json, "read");
        double warmIdw = seconds(json, "interpolate");
        err.printf(Locale.ROOT, "%s, warm JVM: %.2f s (read %.2f s, IDW %.2f s)%n", name, warm, warmRead, warmIdw);

        Path vrt = dir.resolve("samples.vrt");
        Files.writeString(vrt, """
                <OGRVRTDataSource><OGRVRTLayer name="samples"><SrcDataSource>%s</SrcDataSource>
                <GeometryType>wkbPoint</GeometryType><GeometryField encoding="PointFromColumns" x="x" y="y"/>
                </OGRVRTLayer></OGRVRTDataSource>
                """.formatted(samples.toAbsolutePath()));
        List<String> window = List.of("-txe", Double.toString(extent.minX()), Double.toString(extent.maxX()),
                "-tye", Double.toString(extent.minY()), Double.toString(extent.maxY()));
        int invdistRun = Math.min(invdistBands, elements.size());
        double invdist = 0;
        for (int b = 0; b < invdistRun; b++) {
            invdist += gdalGrid(vrt, elements.get(b).column(), "invdist:power=2.0:smoothing=0.0", window, c.size());
        }
        int nnRun = Math.min(nnBands, elements.size());
        double nn = 0;
        for (int b = 0; b < nnRun; b++) {
            nn += gdalGrid(vrt, elements.get(b).column(), "invdistnn:power=2.0:max_points=12:radius=" + radius,
                    window, c.size());
        }
        return new IdwBenchmarkText.Column(c.size(), c.elements(), fresh, freshRead, warm, warmRead, warmIdw,
                invdist / invdistRun * c.elements(), invdistRun, nn / nnRun * c.elements(), nnRun);
    }

    /**
     * Runs {@code interpolate} in a new JVM with default options, as {@code java -jar geoprospect.jar} would, on
     * this JVM's class path; the wall time from starting the process to its exit.
     */
    private static double freshJvm(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (rc != Main.OK) {
            throw new ExecutionFailedException("interpolate in a new JVM failed (exit " + rc + "): "
                    + Files.readString(log), null);
        }
        return s;
    }

    private static double seconds(Path reportJson, String step) throws IOException {
        JsonNode n = new ObjectMapper().readTree(reportJson.toFile()).at("/seconds/" + step);
        if (!n.isNumber()) {
            throw new ExecutionFailedException(reportJson + " has no seconds." + step, null);
        }
        return n.asDouble();
    }

    private double gdalGrid(Path vrt, String field, String algorithm, List<String> window, int size)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gdal_grid", "--config", "GDAL_NUM_THREADS", "ALL_CPUS",
                "-q", "-zfield", field, "-a", algorithm));
        cmd.addAll(window);
        cmd.addAll(List.of("-outsize", Integer.toString(size), Integer.toString(size), "-ot", "Float32",
                "-of", "GTiff", "-l", "samples", vrt.toString(), dir.resolve("gdal.tif").toString()));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new InvalidInputException("benchmark", "gdal_grid is not installed (apt-get install gdal-bin)");
        }
        if (p.waitFor() != 0) {
            throw new ExecutionFailedException("gdal_grid failed: " + cmd, null);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "gdal_grid %s %s, %d²: %.2f s%n", algorithm.split(":")[0], field, size, s);
        return s;
    }

    private static String gdalVersion() throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder("gdalinfo", "--version").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return s;
        } catch (IOException e) {
            return "GDAL not installed";
        }
    }

    /** The 1, 5 and 15 minute load averages, where the system tells them (Linux), else "unknown". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
