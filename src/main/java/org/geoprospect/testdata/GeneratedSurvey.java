package org.geoprospect.testdata;

import org.geoprospect.core.ExecutionFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One drawn {@link SyntheticSurvey}: the samples as analysed and the ground truth behind them. Lists are immutable.
 *
 * @param parameters what it was drawn from
 * @param elements   the element columns of the samples, in order
 * @param structures the lines deposits cluster along
 * @param deposits   all deposits, known and hidden
 * @param samples    the rows of {@code samples.csv}
 */
public record GeneratedSurvey(SyntheticSurvey parameters, List<ElementModel> elements, List<Structure> structures,
                              List<Deposit> deposits, List<Sample> samples) {
    public static final String SAMPLES_FILE = "samples.csv";
    public static final String DEPOSITS_FILE = "deposits.csv";
    public static final String TRUTH_FILE = "truth.json";

    public GeneratedSurvey {
        elements = List.copyOf(elements);
        structures = List.copyOf(structures);
        deposits = List.copyOf(deposits);
        samples = List.copyOf(samples);
    }

    /**
     * Writes {@code samples.csv}, {@code deposits.csv} (known deposits only) and {@code truth.json} into the
     * directory, creating it if needed and replacing those files.
     *
     * @return the three files written
     * @throws ExecutionFailedException naming the file when one cannot be written
     */
    public List<Path> write(Path directory) {
        Path samplesFile = directory.resolve(SAMPLES_FILE);
        Path depositsFile = directory.resolve(DEPOSITS_FILE);
        Path truthFile = directory.resolve(TRUTH_FILE);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot create directory " + directory + ": " + e.getMessage(), e);
        }
        SurveyCsvWriter.writeSamples(this, samplesFile);
        SurveyCsvWriter.writeDeposits(this, depositsFile);
        TruthJsonWriter.write(this, truthFile);
        return List.of(samplesFile, depositsFile, truthFile);
    }
}
