package org.geoprospect.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.learn.Baselines;
import org.geoprospect.learn.Calibration;
import org.geoprospect.learn.Ensemble;
import org.geoprospect.learn.PatchSource;
import org.geoprospect.learn.WindowClassifier;
import org.geoprospect.learn.WindowClassifiers;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.geoprospect.testsupport.ModelLibraries;
import org.geoprospect.testsupport.Tool;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * predictTargets on the synthetic survey with a small model trained on its 30 known deposits; the 10 hidden
 * deposits of {@code test-data/truth.json}, which training never saw, show whether new targets find ore.
 */
class PredictTargetsProcessTest {
    private static final String ELEMENTS = "Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba";

    @TempDir
    static Path dir;

    private static Path grid;
    private static Path store;
    private static String modelId;

    private static final ModelLibraries LIBRARIES = new ModelLibraries();

    @AfterAll
    static void closeLibraries() {
        LIBRARIES.close();
    }

    @BeforeAll
    static void interpolateAndTrain() {
        grid = interpolate("survey.tif", "150");
        store = dir.resolve("models");
        modelId = train(store, "small", "6", "1");
    }

    private static String train(Path storeDir, String network, String epochs, String folds) {
        TrainModelProcess train = new TrainModelProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(grid.toString()));
        in.put("deposits", List.of("test-data/deposits.csv"));
        in.put("crs", List.of("EPSG:32650"));
        in.put("elements", List.of(ELEMENTS));
        in.put("network", List.of(network));
        in.put("patch", List.of("24"));
        in.put("epochs", List.of(epochs));
        in.put("folds", List.of(folds));
        return (String) train.execute(ProcessInputs.of(train.description(), in),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> null, LIBRARIES.at(storeDir)))
                .outputs().get("modelId");
    }

    private static Path interpolate(String name, String cellSize) {
        Path file = dir.resolve(name);
        InterpolateProcess p = new InterpolateProcess();
        p.execute(ProcessInputs.of(p.description(), Map.of("samples", List.of("test-data/samples.csv"),
                        "crs", List.of("EPSG:32650"), "elements", List.of(ELEMENTS), "cellSize", List.of(cellSize),
                        "log", List.of("true"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> id.equals("grid") ? file : null));
        return file;
    }

    private static ProcessResult predict(Path out, Path storeDir, Path gridFile, String... extra) throws IOException {
        return predict(out, storeDir, modelId, gridFile, extra);
    }

    private static ProcessResult predict(Path out, Path storeDir, String model, Path gridFile, String... extra)
            throws IOException {
        Files.createDirectories(out);
        PredictTargetsProcess p = new PredictTargetsProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(gridFile.toString()));
        in.put("model", List.of(model));
        for (int i = 0; i < extra.length; i += 2) {
            in.put(extra[i], List.of(extra[i + 1]));
        }
        return p.execute(ProcessInputs.of(p.description(), in), new ProcessContext(ProgressListener.NONE,
                Cancellation.none(), id -> out.resolve(p.description().output(id).orElseThrow().fileName()),
                LIBRARIES.at(storeDir)));
    }

    @Test
    void tileProtocolPublishesTargetsAndScoresThemAsThePaperDoes() throws Exception {
        Path out = dir.resolve("tiles");
        ProcessResult r = predict(out, store, grid, "deposits", "test-data/deposits.csv", "crs", "EPSG:32650");
        for (String f : List.of("targets.gpkg", "targets.geojson", "targets.csv", "probability.tif", "metrics.json",
                "confusion.png", "success-rate.png", "map.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertNotNull(ImageIO.read(out.resolve("confusion.png").toFile()));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("tiles", m.at("/protocol").asText());
        assertEquals("12x12", m.at("/tiles").asText());
        JsonNode tiles = m.at("/evaluation/tiles");
        assertEquals(144, tiles.size());
        // the confusion matrix recounted from the per-tile table
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        int depositsInTiles = 0;
        for (int i = 0; i < tiles.size(); i++) {
            JsonNode t = tiles.get(i);
            assertEquals(i + 1, t.get("tile").asInt());
            depositsInTiles += t.get("deposits").asInt();
            boolean ore = t.get("ore").asBoolean();
            boolean called = t.get("predicted").asBoolean();
            assertEquals(called, t.get("probability").asDouble() >= 0.5);
            tp += ore && called ? 1 : 0;
            fp += !ore && called ? 1 : 0;
            tn += !ore && !called ? 1 : 0;
            fn += ore && !called ? 1 : 0;
        }
        assertEquals(30, depositsInTiles);
        JsonNode c = m.at("/evaluation/classification");
        assertEquals(tp, c.get("tp").asInt());
        assertEquals(fp, c.get("fp").asInt());
        assertEquals(tn, c.get("tn").asInt());
        assertEquals(fn, c.get("fn").asInt());
        assertEquals((double) (tp + tn) / 144, c.get("accuracy").asDouble(), 1e-12);
        double auc = m.at("/evaluation/auc").asDouble();
        assertTrue(auc > 0.8, "tile AUC " + auc);
        assertTrue(m.at("/evaluation/depositCoverage/share").asDouble() > 0.5, m.at("/evaluation").toString());

        // the probability raster: GDAL reads it, one probability per tile, and the targets' cells are the tiles
        // called ore
        String info = Tool.run("", "gdalinfo", out.resolve("probability.tif").toString());
        assertTrue(info.contains("UTM zone 50N") && info.contains("probability"), info);
        Raster p = new GeoTiffReader().read(out.resolve("probability.tif"));
        int selected = 0;
        for (float v : p.bands().get(0).data()) {
            selected += v >= 0.5 ? 1 : 0;
        }
        List<CSVRecord> rows = targetRows(out);
        int cells = 0;
        for (CSVRecord row : rows) {
            cells += Integer.parseInt(row.get("cells"));
            assertEquals(Integer.parseInt(row.get("deposits")) > 0 ? "known" : "new", row.get("status"));
        }
        assertEquals(selected, cells);
        assertEquals(m.at("/targets/count").asInt(), rows.size());
        assertTrue(((String) r.outputs().get("summary")).contains("targets ("), (String) r.outputs().get("summary"));

        // the hidden deposits: the targets must hold a larger share of them than of the area (better than chance)
        double hiddenCaptured = hiddenDepositsCaptured(p, 0.5);
        double areaShare = m.at("/selectedAreaShare").asDouble();
        assertTrue(hiddenCaptured > 1.5 * areaShare, "hidden deposits captured " + hiddenCaptured + " with "
                + areaShare + " of the area");
    }

    @Tag("slow") // dense prediction with flips
    @Test
    void densePredictionWithFlipsGivesASmoothSurfaceAndItsSpread() throws Exception {
        Path out = dir.resolve("dense");
        predict(out, store, grid, "stride", "4", "flips", "true", "topArea", "0.1",
                "deposits", "test-data/deposits.csv", "crs", "EPSG:32650");
        Raster p = new GeoTiffReader().read(out.resolve("probability.tif"));
        assertEquals(List.of("probability", "spread"), p.bandNames());
        int judged = 0;
        for (int i = 0; i < p.grid().cellCount(); i++) {
            float v = p.bands().get(0).data()[i];
            float s = p.bands().get(1).data()[i];
            if (!Float.isNaN(v)) {
                judged++;
                assertTrue(v >= 0 && v <= 1 && s >= 0 && s <= 0.5, v + " ± " + s);
            }
        }
        assertEquals(p.grid().cellCount(), judged, "interpolation without a mask leaves no cell without data");
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("cells", m.at("/evaluation/items").asText());
        double share = m.at("/selectedAreaShare").asDouble();
        assertTrue(share >= 0.1 && share < 0.11, "top 10 % took " + share);
        assertTrue(m.at("/evaluation/successRate/auc").asDouble() > 0.75, m.at("/evaluation").toString());
        assertTrue(hiddenDepositsCaptured(p, m.at("/cutoff").asDouble()) >= 0.2, "hidden deposits in the top 10 %");
    }

    @Test
    void aModelOfSeveralFoldsAveragesItsMembersAndMapsTheirSpread() throws Exception {
        Path folds = dir.resolve("models-folds");
        String id = train(folds, "small", "3", "2");
        JsonNode manifest = new ObjectMapper().readTree(folds.resolve(id).resolve("manifest.json").toFile());
        assertEquals(2, manifest.get("members").size(), manifest.toString());
        assertEquals("fold2", manifest.at("/members/1/file").asText());
        assertEquals(manifest.at("/validation/folds/1/calibration/slope").asDouble(),
                manifest.at("/members/1/slope").asDouble(), "each member's own calibration");
        Path out = dir.resolve("folds-dense");
        predict(out, folds, id, grid, "stride", "6", "topArea", "0.1", "deposits", "test-data/deposits.csv", "crs",
                "EPSG:32650");
        Raster p = new GeoTiffReader().read(out.resolve("probability.tif"));
        assertEquals(List.of("probability", "prob_sd"), p.bandNames());
        double largest = 0;
        for (int i = 0; i < p.grid().cellCount(); i++) {
            float sd = p.bands().get(1).data()[i];
            assertTrue(sd >= 0 && sd <= 0.5, "two probabilities differ by at most 1: sd " + sd);
            largest = Math.max(largest, sd);
        }
        assertTrue(largest > 0.001, "two folds' models trained on different ground disagree somewhere: " + largest);
        List<CSVRecord> rows = targetRows(out);
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(r -> Double.parseDouble(r.get("prob_sd")) >= 0),
                rows.toString());
    }

    /**
     * A baseline stored as a model scores, on its validation patches, what the baseline table says of it on the same
     * fold, and predicts each window as its classifier does on the window's element means, calibrated.
     */
    @Test
    void aBaselineIsAModelThatPredictsLikeItsClassifier() throws Exception {
        Path baselines = dir.resolve("models-baselines");
        for (String kind : List.of("logistic", "forest", "element")) {
            String id = train(baselines, kind, "1", "2");
            JsonNode manifest = new ObjectMapper().readTree(baselines.resolve(id).resolve("manifest.json").toFile());
            assertEquals(kind, manifest.at("/network/architecture").asText());
            for (JsonNode fold : manifest.at("/validation/folds")) {
                assertEquals(fold.at("/baselines/" + kind + "Auc").asDouble(), fold.get("auc").asDouble(), 1e-12,
                        kind + ": the model's validation AUC is the baseline's on the same fold");
            }
            assertTrue(Files.isRegularFile(baselines.resolve(id).resolve("fold2.baseline")), kind);

            // tiles no larger than the 24-cell patches: tile 1 (top-left) is judged by one window centred on it,
            // kept inside the grid
            Raster g = new GeoTiffReader().read(grid);
            int rows = (g.grid().height() + 23) / 24;
            int columns = (g.grid().width() + 23) / 24;
            Path out = dir.resolve("baseline-" + kind);
            predict(out, baselines, id, grid, "tiles", rows + "x" + columns);
            Raster p = new GeoTiffReader().read(out.resolve("probability.tif"));
            assertEquals(List.of("probability", "prob_sd"), p.bandNames());
            int size = manifest.at("/network/inputSize").asInt();
            int row = Math.max(0, Math.floorDiv((int) Math.round((double) g.grid().height() / rows) - size, 2));
            int column = Math.max(0, Math.floorDiv((int) Math.round((double) g.grid().width() / columns) - size, 2));
            List<String> elements = new ArrayList<>();
            manifest.at("/inputs/elements").forEach(e -> elements.add(e.get("name").asText()));
            PatchSource source = PatchSource.of(g, elements);
            double expected = 0;
            for (JsonNode m : manifest.get("members")) {
                WindowClassifier c = WindowClassifiers.read(baselines.resolve(id).resolve(m.get("file").asText()
                        + ".baseline"));
                double[] means = Baselines.windowMeans(source.cut(row, column, size), elements.size(), size);
                expected += Calibration.of(m.get("slope").asDouble(), m.get("intercept").asDouble())
                        .probability(c.margin(means)) / 2;
            }
            assertEquals(expected, p.bands().get(0).data()[0], 1e-5, kind + ": tile 1");
        }
    }

    @Test
    void withoutDepositsThereIsNoEvaluationAndEveryTargetIsNew() throws Exception {
        Path out = dir.resolve("no-deposits");
        ProcessResult r = predict(out, store, grid);
        assertFalse(r.outputs().containsKey("confusion"));
        assertFalse(Files.exists(out.resolve("success-rate.png")));
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(m.at("/evaluation").isMissingNode());
        assertEquals(0, m.at("/targets/known").asInt());
        assertTrue(m.at("/targets/count").asInt() > 0);
        assertEquals(List.of("probability"), new GeoTiffReader().read(out.resolve("probability.tif")).bandNames(),
                "a model of one fold has no spread over members");
        assertEquals("", targetRows(out).get(0).get("prob_sd"));
    }

    @Test
    void predictingTwiceTakesTheModelFromTheCacheInsteadOfLoadingItAgain() throws Exception {
        Path copy = dir.resolve("store-copy");
        copyTree(store, copy);
        predict(dir.resolve("first"), copy, grid);
        assertEquals(List.of(modelId), LIBRARIES.at(copy).cache().ids());
        // without its weights on disk, only the cached model can serve the second prediction
        try (Stream<Path> files = Files.list(copy.resolve(modelId))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".params")).toList()) {
                Files.delete(f);
            }
        }
        predict(dir.resolve("second"), copy, grid);
        // a library that has not cached it must load it, and cannot
        Path bare = dir.resolve("store-bare");
        copyTree(copy, bare);
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> predict(dir.resolve("third"), bare, grid));
        assertTrue(e.getMessage().contains("cannot load"), e.getMessage());
    }

    @Test
    void refusesAGridTheModelWasNotTrainedFor() {
        Path coarse = interpolate("coarse.tif", "200");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> predict(dir.resolve("coarse"), store, coarse));
        assertEquals("grid", e.input());
        assertTrue(e.getMessage().contains("the model expects cell size 150 m, the grid has 200 m"), e.getMessage());
    }

    @Test
    void tilesAndStrideExcludeEachOther() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> predict(dir.resolve("both"), store, grid, "tiles", "4x4", "stride", "8"));
        assertTrue(e.getMessage().contains("exclude each other"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> predict(dir.resolve("unknown"), store, grid, "model",
                "nope-v1"));
        assertTrue(e.getMessage().contains("no model 'nope-v1'"), e.getMessage());
    }

    /** The share of truth.json's hidden deposits on cells with a probability ≥ {@code cutoff}. */
    private static double hiddenDepositsCaptured(Raster probability, double cutoff) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(Path.of("test-data/truth.json").toFile());
        GridGeometry g = probability.grid();
        List<Boolean> captured = new ArrayList<>();
        for (JsonNode d : truth.get("deposits")) {
            if (!d.get("known").asBoolean()) {
                int column = g.column(d.get("x").asDouble());
                int row = g.row(d.get("y").asDouble());
                captured.add(probability.value(0, column, row) >= cutoff);
            }
        }
        assertEquals(10, captured.size());
        return captured.stream().filter(b -> b).count() / 10.0;
    }

    private static List<CSVRecord> targetRows(Path out) throws IOException {
        try (CSVParser csv = CSVParser.parse(out.resolve("targets.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return csv.getRecords();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
