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
 * that folder is absent, the same survey generated on the spot) through the implemented steps, printing where
 * every output is. Steps are added here as they are implemented.
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

    DemoCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
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
        err.println("1/3 interpolate: " + samples + " → " + elements + " at " + cellSize + " m");
        int rc = Main.run(new String[] {"interpolate", "--samples", samples.toString(), "--crs", crs,
                "--elements", elements, "--cell-size", Double.toString(cellSize), "--log", "--normalize", "zscore",
                "--out", grid.toString(), "--report", outDir.resolve("grid.json").toString()}, out, err, terminal);
        if (rc != Main.OK) {
            return rc;
        }
        Path deposits = samples.resolveSibling(GeneratedSurvey.DEPOSITS_FILE);
        err.println("2/3 selectElements: " + grid + " against " + deposits);
        ByteArrayOutputStream selectionOut = new ByteArrayOutputStream();
        rc = Main.run(new String[] {"selectElements", "--grid", grid.toString(), "--deposits", deposits.toString(),
                "--crs", crs, "--buffer", "5", "--out", outDir.resolve("selection").toString()},
                new PrintStream(selectionOut, true, StandardCharsets.UTF_8), err, terminal);
        String selectionText = selectionOut.toString(StandardCharsets.UTF_8);
        out.print(selectionText);
        if (rc != Main.OK) {
            return rc;
        }
        String selected = selectionText.lines().filter(l -> l.startsWith("selected: ")).findFirst()
                .map(l -> l.substring("selected: ".length())).orElse("");
        if (selected.isBlank()) {
            err.println("no element was selected; nothing to train on");
            return Main.FAILED;
        }
        // the cpu preset with the small network and 32-cell patches (3.2 km): seconds on two cores
        err.println("3/3 trainModel: " + selected + " (cpu preset, small network, 32-cell patches)");
        rc = Main.run(new String[] {"trainModel", "--grid", grid.toString(), "--deposits", deposits.toString(),
                "--crs", crs, "--elements", selected, "--preset", "cpu", "--network", "small", "--patch", "32",
                "--epochs", "10", "--store", outDir.resolve("models").toString(), "--name", "demo"},
                out, err, terminal);
        if (rc == Main.OK) {
            out.println("demo outputs in " + outDir.toAbsolutePath());
        }
        return rc;
    }
}
