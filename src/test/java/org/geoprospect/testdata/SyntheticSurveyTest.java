package org.geoprospect.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.geoprospect.samples.ElementColumn;
import org.geoprospect.samples.PointLayerOptions;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;
import org.geoprospect.samples.SampleSet;
import org.geoprospect.samples.SampleSetBuilder;
import org.geoprospect.samples.ValuePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticSurveyTest {
    private static final PointLayerOptions UTM50N = new PointLayerOptions(null, null, null, "EPSG:32650");
    private static final List<String> FILES = List.of(GeneratedSurvey.SAMPLES_FILE, GeneratedSurvey.DEPOSITS_FILE,
            GeneratedSurvey.TRUTH_FILE);

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticSurvey.builder().seed(7).build().generate().write(a);
        SyntheticSurvey.builder().seed(7).build().generate().write(b);
        for (String f : FILES) {
            assertEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
    }

    @Test
    void differentSeedGivesDifferentFiles(@TempDir Path a, @TempDir Path b) throws IOException {
        SyntheticSurvey.builder().seed(7).build().generate().write(a);
        SyntheticSurvey.builder().seed(8).build().generate().write(b);
        for (String f : FILES) {
            assertNotEquals(-1, Files.mismatch(a.resolve(f), b.resolve(f)), f);
        }
    }

    @Test
    void filesReadBackThroughThePointLayerReaders(@TempDir Path dir) {
        GeneratedSurvey survey = SyntheticSurvey.builder().build().generate();
        survey.write(dir);
        Warnings warnings = new Warnings();
        PointTable table = PointLayers.read(dir.resolve(GeneratedSurvey.SAMPLES_FILE), UTM50N, warnings);
        assertEquals(1500, table.size());
        assertTrue(table.crs().sameAs(Crs.epsg(32650)));
        assertEquals(List.of("sample_id", "Au_ppb", "Ag_ppm", "Cu_ppm", "Pb_ppm", "Zn_ppm", "Mn_ppm", "Sn_ppm",
                "W_ppm", "B_ppm", "Sb_ppm", "Bi_ppm", "Mo_ppm", "Hg_ppb", "F_ppm", "Ba_ppm", "As_ppm"), table.columns());

        SampleSet samples = new SampleSetBuilder(ValuePolicy.DEFAULT).build(table, symbols(survey), warnings);
        assertEquals(1500 - 2, samples.size(), "two duplicate locations merged");
        assertEquals("ppb", samples.elements().get(0).unit());
        String all = String.join("\n", warnings.list());
        assertTrue(all.contains("below the detection limit"), all);
        assertTrue(all.contains("were merged"), all);
        assertTrue(all.contains("have a value"), all);

        PointTable deposits = PointLayers.read(dir.resolve(GeneratedSurvey.DEPOSITS_FILE), UTM50N, new Warnings());
        assertEquals(30, deposits.size());
        assertEquals(List.of("id", "name", "status"), deposits.columns());
    }

    @Test
    void truthListsEveryDepositAndTheOreRelatedElements(@TempDir Path dir) throws IOException {
        SyntheticSurvey.builder().build().generate().write(dir);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve(GeneratedSurvey.TRUTH_FILE).toFile());
        assertEquals(42, truth.get("seed").asLong());
        assertEquals("EPSG:32650", truth.get("crs").asText());
        assertEquals(16, truth.get("elements").size());
        List<String> ore = new ArrayList<>();
        truth.get("oreRelatedElements").forEach(n -> ore.add(n.asText()));
        assertEquals(List.of("Au", "Ag", "Cu", "Sn", "Sb", "Mo", "Hg", "Ba"), ore);
        int known = 0;
        for (JsonNode d : truth.get("deposits")) {
            known += d.get("known").asBoolean() ? 1 : 0;
        }
        assertEquals(40, truth.get("deposits").size());
        assertEquals(30, known);
    }

    /**
     * The ground truth is visible in the data: within 1 km of a known deposit the mean log10 value of every halo
     * element exceeds that of the other samples by more than its background σ, while for the elements without a
     * halo the difference stays within the background's own spatial fluctuation (under 0.8 σ).
     */
    @ParameterizedTest
    @ValueSource(longs = {42, 1, 2})
    void oreElementsAreRaisedNearKnownDepositsAndTheOthersAreNot(long seed, @TempDir Path dir) {
        GeneratedSurvey survey = SyntheticSurvey.builder().seed(seed).build().generate();
        survey.write(dir);
        PointTable table = PointLayers.read(dir.resolve(GeneratedSurvey.SAMPLES_FILE), UTM50N, new Warnings());
        SampleSet samples = new SampleSetBuilder(ValuePolicy.DEFAULT).build(table, symbols(survey), new Warnings());
        boolean[] near = new boolean[samples.size()];
        for (int i = 0; i < near.length; i++) {
            for (Deposit d : survey.deposits()) {
                if (d.known() && Math.hypot(samples.x()[i] - d.x(), samples.y()[i] - d.y()) <= 1000) {
                    near[i] = true;
                }
            }
        }
        for (int e = 0; e < survey.elements().size(); e++) {
            ElementModel model = survey.elements().get(e);
            ElementColumn column = samples.elements().get(e);
            double z = (meanLog10(column, near, true) - meanLog10(column, near, false)) / model.sigma();
            String message = model.symbol() + ": (near − rest) / σ = " + z;
            assertTrue(model.oreRelated() ? z > 1.0 : Math.abs(z) < 0.8, message);
        }
    }

    /** Without deposits, log10 values have mean μ, variance σ² + (ε/ln 10)² and the field's correlation. */
    @Test
    void backgroundStatisticsMatchTheParameters() {
        double ell = 1500;
        SyntheticSurvey p = SyntheticSurvey.builder().seed(3).samples(2000).deposits(0).correlationLength(ell)
                .build();
        GeneratedSurvey survey = p.generate();
        List<Sample> rows = survey.samples();
        double meanZ = 0;
        double varianceRatio = 0;
        double lagCorrelation = 0;
        int elements = survey.elements().size();
        double errorVariance = Math.pow(p.relativeError() / Math.log(10), 2);
        for (int e = 0; e < elements; e++) {
            ElementModel m = survey.elements().get(e);
            double[] z = new double[rows.size()];
            for (int i = 0; i < z.length; i++) {
                double v = rows.get(i).values()[e];
                z[i] = Double.isNaN(v) ? Double.NaN : (Math.log10(v) - m.mu()) / m.sigma();
            }
            double[] moments = moments(z);
            meanZ += moments[0] / elements;
            varianceRatio += moments[1] / (1 + errorVariance / (m.sigma() * m.sigma())) / elements;
            lagCorrelation += pairCorrelation(rows, z, 0.8 * ell, 1.2 * ell) / elements;
        }
        assertEquals(0, meanZ, 0.15);
        assertEquals(1, varianceRatio, 0.2);
        double signal = 1.0 / (1 + errorVariance / 0.09);
        assertEquals(Math.exp(-0.5) * signal, lagCorrelation, 0.15);
    }

    @Test
    void paperScalePresetHasThePaperSampleCount() {
        GeneratedSurvey survey = SyntheticSurvey.paperScale(1).generate();
        assertEquals(7234, survey.samples().size());
        assertEquals(75, survey.deposits().size());
    }

    @Test
    void buildRejectsParametersOutOfRangeSayingWhatToChange() {
        InvalidInputException geographic = assertThrows(InvalidInputException.class,
                () -> SyntheticSurvey.builder().crs(4326).build());
        assertTrue(geographic.getMessage().contains("projected"), geographic.getMessage());
        assertThrows(InvalidInputException.class, () -> SyntheticSurvey.builder().samples(10).build());
        assertThrows(InvalidInputException.class, () -> SyntheticSurvey.builder().knownFraction(1.5).build());
        assertThrows(InvalidInputException.class, () -> SyntheticSurvey.builder().haloRadius(3000, 1000).build());
    }

    private static List<String> symbols(GeneratedSurvey survey) {
        return survey.elements().stream().map(ElementModel::symbol).toList();
    }

    private static double meanLog10(ElementColumn column, boolean[] near, boolean wanted) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < near.length; i++) {
            if (near[i] == wanted && !Double.isNaN(column.values()[i])) {
                sum += Math.log10(column.values()[i]);
                n++;
            }
        }
        return sum / n;
    }

    /** Mean and variance of the values that are not NaN. */
    private static double[] moments(double[] z) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return new double[] {mean, sumSq / n - mean * mean};
    }

    /** Correlation of z over the sample pairs whose distance lies in [from, to]. */
    private static double pairCorrelation(List<Sample> rows, double[] z, double from, double to) {
        double[] a = new double[z.length * z.length / 2];
        double[] b = new double[a.length];
        int n = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = i + 1; j < z.length; j++) {
                double dx = rows.get(i).x() - rows.get(j).x();
                double dy = rows.get(i).y() - rows.get(j).y();
                double d2 = dx * dx + dy * dy;
                if (d2 >= from * from && d2 <= to * to && !Double.isNaN(z[i]) && !Double.isNaN(z[j])) {
                    a[n] = z[i];
                    b[n++] = z[j];
                }
            }
        }
        return GaussianFieldTest.correlation(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
    }
}
