package org.geoprospect.cli;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.benchmark.TrainComparison;
import org.geoprospect.testdata.ElementModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code benchmark idw}: our {@code interpolate} against GDAL's {@code gdal_grid} at the paper's scale and on a small
 * job ({@link IdwBenchmark}); {@code benchmark worker}: what the native worker costs ({@link WorkerBenchmark});
 * {@code benchmark train}: DJL's training and inference against PyTorch in Python ({@link TrainComparison}). Each
 * writes its own section of a Markdown file and keeps the others.
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

    @Option(names = "--size", defaultValue = "3072",
            description = "Grid side in cells of the paper's case, all 16 elements (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--small-size", defaultValue = "" + IdwBenchmark.SMALL_SIZE,
            description = "Grid side in cells of the small case, measured beside it (default ${DEFAULT-VALUE}; "
                    + "0: none).")
    int smallSize;

    @Option(names = "--small-elements", defaultValue = "" + IdwBenchmark.SMALL_ELEMENTS,
            description = "Elements of the small case (default ${DEFAULT-VALUE}).")
    int smallElements;

    @Option(names = "--gdal-bands", defaultValue = "16",
            description = "Bands to run gdal_grid -a invdist for, per case (default ${DEFAULT-VALUE}).")
    int invdistBands;

    @Option(names = "--gdal-nn-bands", defaultValue = "1",
            description = "Bands to run gdal_grid -a invdistnn for, per case, extrapolated to all (default "
                    + "${DEFAULT-VALUE}; each takes minutes at full size).")
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
        int elements = ElementModel.SOUTH_CHINA.size();
        if ("idw".equals(what) && smallSize > 0 && (smallElements < 1 || smallElements > elements)) {
            throw new InvalidInputException("benchmark", "--small-elements must be 1 to " + elements + ", not "
                    + smallElements);
        }
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
        List<IdwBenchmark.Case> cases = new ArrayList<>(List.of(new IdwBenchmark.Case(size, elements)));
        if (smallSize > 0) {
            cases.add(new IdwBenchmark.Case(smallSize, smallElements));
        }
        new IdwBenchmark(err, dir, radius, invdistBands, nnBands).run(cases, report);
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
}
