package org.geoprospect.cli;

import org.geoprospect.testdata.ElementModel;
import org.geoprospect.testdata.GeneratedSurvey;
import org.geoprospect.testdata.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the main job on embedded defaults — the bundled synthetic survey in {@code test-data/} (or, where
 * that folder is absent, the same survey generated on the spot) through the four steps, interpolate →
 * selectElements → trainModel → predictTargets, printing where every output is. Each step runs as its command
 * would, so the demo is also a worked example of the command line.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the pipeline on the bundled demo data (CPU) and print where every output is.")
final class DemoCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    @Option(names = "--data", defaultValue = "test-data", paramLabel = "DIR",
            description = "Folder with samples.csv and deposits.csv (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "demo-output", paramLabel = "DIR",
            description = "Folder for the outputs (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--cell-size", defaultValue = "100", paramLabel = "M",
            description = "Cell size in metres (default ${DEFAULT-VALUE}).")
    double cellSize;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
            description = "Training epochs at most (default ${DEFAULT-VALUE}).")
    int epochs;

    DemoCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        OutputLocations.checkFolder("--out", outDir);
        Files.createDirectories(outDir);
        Path samples = data.resolve(GeneratedSurvey.SAMPLES_FILE);
        if (!Files.isRegularFile(samples)) {
            err.println(samples + " not found: generating the demo survey (seed 42) into " + outDir.resolve("data"));
            SyntheticSurvey.builder().seed(42).build().generate().write(outDir.resolve("data"));
            samples = outDir.resolve("data").resolve(GeneratedSurvey.SAMPLES_FILE);
        }
        SyntheticSurvey demo = SyntheticSurvey.builder().seed(42).build();
        String crs = demo.crs().id();
        String elements = String.join(",", ElementModel.SOUTH_CHINA.stream().map(ElementModel::symbol).toList());
        Path grid = outDir.resolve("grid.tif");
        err.println("1/4 interpolate: " + samples + " → " + elements + " at " + cellSize + " m");
        Step step = run("interpolate", "--samples", samples.toString(), "--crs", crs, "--elements", elements,
                "--cell-size", Double.toString(cellSize), "--log", "--normalize", "zscore", "--out", grid.toString(),
                "--report", outDir.resolve("grid.json").toString());
        if (step.status() != Main.OK) {
            return step.status();
        }
        Path deposits = samples.resolveSibling(GeneratedSurvey.DEPOSITS_FILE);
        err.println("2/4 selectElements: " + grid + " against " + deposits);
        step = run("selectElements", "--grid", grid.toString(), "--deposits", deposits.toString(), "--crs", crs,
                "--buffer", "5", "--out", outDir.resolve("selection").toString());
        if (step.status() != Main.OK) {
            return step.status();
        }
        String selected = step.output("selected");
        if (selected.isBlank()) {
            err.println("no element was selected; nothing to train on");
            return Main.FAILED;
        }
        // the cpu preset with the small network and 32-cell patches (3.2 km): seconds on two cores
        err.println("3/4 trainModel: " + selected + " (cpu preset, small network, 32-cell patches)");
        Path store = outDir.resolve("models");
        step = run("trainModel", "--grid", grid.toString(), "--deposits", deposits.toString(), "--crs", crs,
                "--elements", selected, "--preset", "cpu", "--network", "small", "--patch", "32", "--epochs",
                Integer.toString(epochs), "--store", store.toString(), "--name", "demo");
        if (step.status() != Main.OK) {
            return step.status();
        }
        String modelId = step.output("modelId");
        Path targets = outDir.resolve("targets");
        err.println("4/4 predictTargets: " + modelId + " over the paper's 12 x 12 tiles, against " + deposits);
        step = run("predictTargets", "--grid", grid.toString(), "--model", modelId, "--store", store.toString(),
                "--tiles", "12x12", "--deposits", deposits.toString(), "--crs", crs, "--out", targets.toString());
        if (step.status() == Main.OK) {
            out.println("demo outputs in " + outDir.toAbsolutePath() + "; open " + targets.resolve("targets.gpkg")
                    + " over " + targets.resolve("probability.tif") + " in QGIS");
        }
        return step.status();
    }

    /** A finished command: its exit status and what it printed ({@code output: value} lines). */
    private record Step(int status, String printed) {
        /** @return the value the command printed for an output, or "" */
        String output(String id) {
            return printed.lines().filter(l -> l.startsWith(id + ": ")).findFirst()
                    .map(l -> l.substring(id.length() + 2)).orElse("");
        }
    }

    /** Runs one command as the command line would, echoing what it prints, and keeps that for the next step. */
    private Step run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8), err, terminal);
        String text = printed.toString(StandardCharsets.UTF_8);
        out.print(text);
        return new Step(status, text);
    }
}
