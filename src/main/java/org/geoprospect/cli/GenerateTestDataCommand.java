package org.geoprospect.cli;

import org.geoprospect.testdata.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate-test-data}: writes a synthetic survey with known ground truth (see test-data/README.md). */
@Command(name = "generate-test-data", mixinStandardHelpOptions = true,
        description = "Write a synthetic survey (samples.csv, deposits.csv, truth.json) with known ground truth.")
final class GenerateTestDataCommand implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "demo", paramLabel = "demo|paper",
            description = "demo: the small committed set; paper: about 7,200 samples × 16 elements, the paper's "
                    + "scale, for benchmarks (default ${DEFAULT-VALUE}).")
    String scale;

    GenerateTestDataCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        SyntheticSurvey survey = switch (scale) {
            case "demo" -> SyntheticSurvey.builder().seed(seed).build();
            case "paper" -> SyntheticSurvey.paperScale(seed);
            default -> throw new org.geoprospect.core.InvalidInputException("scale",
                    "scale '" + scale + "' is not demo or paper");
        };
        OutputLocations.checkFolder("--out", dir);
        for (Path p : survey.generate().write(dir)) {
            out.println(p);
        }
        return Main.OK;
    }
}
