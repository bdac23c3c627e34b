package org.geoprospect.cli;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.testdata.ElementModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code benchmark idw}: our {@code interpolate} against GDAL's {@code gdal_grid} at the paper's scale and on a small
 * job ({@link IdwBenchmark}); {@code benchmark worker}: what the native worker costs ({@link WorkerBenchmark}). Each
 * writes its section of a Markdown file.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Time IDW against gdal_grid, or the native worker's cost, and write docs/benchmarks.md.")
final class BenchmarkCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "idw|worker", description = "What to benchmark: idw (interpolate against "
            + "gdal_grid at the paper's scale) or worker (what running the native processes in a worker costs).")
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

    BenchmarkCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!"idw".equals(what) && !"worker".equals(what)) {
            throw new InvalidInputException("benchmark", "unknown benchmark '" + what + "'; available: idw, worker");
        }
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
        List<IdwBenchmark.Case> cases = new ArrayList<>(List.of(new IdwBenchmark.Case(size, elements)));
        if (smallSize > 0) {
            cases.add(new IdwBenchmark.Case(smallSize, smallElements));
        }
        new IdwBenchmark(err, dir, radius, invdistBands, nnBands).run(cases, report);
        out.println(report);
        return Main.OK;
    }
}
