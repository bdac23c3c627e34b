package org.geoprospect.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.learn.ModelLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regional stacks of a few dozen to a hundred cells a side with about ten deposits train and predict without
 * patch or block options: the patch and the spatial blocks are chosen to fit, and the choice is reported.
 */
class SmallRegionTrainingTest {
    private static final String ELEMENTS = "Au,Ag,Cu,Sb,Mo";

    @TempDir
    static Path dir;
    private static Path deposits;
    private static ModelLibrary models;

    @BeforeAll
    static void tenDeposits() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("test-data/deposits.csv"));
        deposits = dir.resolve("ten.csv");
        Files.write(deposits, lines.subList(0, 11)); // the header and 10 deposits
        models = new ModelLibrary(dir.resolve("models"));
    }

    @AfterAll
    static void close() {
        models.close();
    }

    private static Path grid(String size) {
        Path file = dir.resolve("grid-" + size + ".tif");
        InterpolateProcess p = new InterpolateProcess();
        p.execute(ProcessInputs.of(p.description(), Map.of("samples", List.of("test-data/samples.csv"),
                        "crs", List.of("EPSG:32650"), "elements", List.of(ELEMENTS), "size", List.of(size),
                        "log", List.of("true"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> id.equals("grid") ? file : null));
        return file;
    }

    private static ProcessResult train(Path grid, String name, String... extra) {
        TrainModelProcess p = new TrainModelProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(grid.toString()));
        in.put("deposits", List.of(deposits.toString()));
        in.put("crs", List.of("EPSG:32650"));
        in.put("elements", List.of(ELEMENTS));
        in.put("network", List.of("small")); // the sizes are the point here, not the network
        in.put("epochs", List.of("3"));
        in.put("name", List.of(name));
        for (int i = 0; i < extra.length; i += 2) {
            in.put(extra[i], List.of(extra[i + 1]));
        }
        return p.execute(ProcessInputs.of(p.description(), in),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> null, models));
    }

    @ParameterizedTest(name = "{0} cells")
    @CsvSource({"60x60, 60", "70x163, 70", "100x100, 100"})
    void trainsAndPredictsWithTheDefaults(String size, int shorterSide) throws Exception {
        Path grid = grid(size);
        ProcessResult trained = train(grid, "r" + size);
        JsonNode manifest = new ObjectMapper().readTree(((Path) trained.outputs().get("manifest")).toFile());
        int patch = manifest.at("/inputs/patchSize").asInt();
        assertTrue(patch <= shorterSide / 2, "a patch that fits twice across: " + manifest.at("/inputs"));
        assertTrue(trained.warnings().stream().anyMatch(w -> w.startsWith("patch " + patch + " cells (crop "
                + (patch - patch / 8) + ") instead of the preset's 64")), "the choice is reported: "
                + trained.warnings());
        assertTrue(manifest.at("/validation/validationPatches").asInt() > 0);
        assertTrue(Double.isFinite(manifest.at("/validation/auc").asDouble()), manifest.at("/validation").toString());

        PredictTargetsProcess predict = new PredictTargetsProcess();
        Path out = Files.createDirectories(dir.resolve("predicted-" + size));
        ProcessResult r = predict.execute(ProcessInputs.of(predict.description(), Map.of("grid",
                        List.of(grid.toString()), "model", List.of((String) trained.outputs().get("modelId")))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> predict.description()
                        .output(id).map(o -> o.fileName() == null ? null : out.resolve(o.fileName())).orElse(null),
                        models));
        assertTrue(Files.size(out.resolve("probability.tif")) > 0);
        assertTrue(((String) r.outputs().get("summary")).contains("targets"), r.outputs().toString());
    }

    @Test
    void givenSizesAreKeptAndImpossibleFoldsNameTheOptions() {
        Path grid = grid("60x60");
        ProcessResult kept = train(grid, "given", "patch", "16", "blockSize", "12");
        assertTrue(kept.warnings().stream().noneMatch(w -> w.startsWith("patch ") || w.startsWith("blocks of")),
                "nothing chosen for the user: " + kept.warnings());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(grid, "too-many-folds", "folds", "20"));
        assertEquals("blockSize", e.input());
        assertTrue(e.getMessage().contains("give fewer 'folds', a smaller 'blockSize' or 'patch'"), e.getMessage());
    }
}
