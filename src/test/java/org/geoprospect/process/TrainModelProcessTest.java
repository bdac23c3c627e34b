package org.geoprospect.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.testsupport.ModelLibraries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** trainModel on the synthetic survey: its deposits' haloes are a signal a patch classifier must learn. */
class TrainModelProcessTest {
    @TempDir
    static Path dir;

    private static Path grid;

    private static final ModelLibraries LIBRARIES = new ModelLibraries();

    @AfterAll
    static void closeLibraries() {
        LIBRARIES.close();
    }

    @BeforeAll
    static void interpolate() {
        grid = dir.resolve("survey.tif");
        InterpolateProcess p = new InterpolateProcess();
        p.execute(ProcessInputs.of(p.description(), Map.of("samples", List.of("test-data/samples.csv"),
                        "crs", List.of("EPSG:32650"), "elements", List.of("Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba"),
                        "cellSize", List.of("150"), "log", List.of("true"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> id.equals("grid") ? grid : null));
    }

    private static ProcessResult train(Path store, String... extra) {
        TrainModelProcess p = new TrainModelProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(grid.toString()));
        in.put("deposits", List.of("test-data/deposits.csv"));
        in.put("crs", List.of("EPSG:32650"));
        in.put("elements", List.of("Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba"));
        in.put("network", List.of("small"));
        in.put("patch", List.of("24"));
        in.put("epochs", List.of("6"));
        for (int i = 0; i < extra.length; i += 2) {
            in.put(extra[i], List.of(extra[i + 1]));
        }
        return p.execute(ProcessInputs.of(p.description(), in),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> null, LIBRARIES.at(store)));
    }

    @Test
    void learnsTheSyntheticHalosOnSpatiallyHeldOutGroundAndStoresAVersionedModel() throws Exception {
        Path store = dir.resolve("models");
        ProcessResult r = train(store);
        assertEquals("survey-v1", r.outputs().get("modelId"));
        JsonNode manifest = new ObjectMapper().readTree(store.resolve("survey-v1/manifest.json").toFile());
        double auc = manifest.at("/validation/auc").asDouble();
        assertTrue(auc >= 0.9, "validation AUC " + auc + " on the spatial hold-out");
        assertEquals("Au", manifest.at("/inputs/elements/0/name").asText());
        assertEquals("zscore", manifest.at("/inputs/elements/0/normalization/method").asText());
        assertEquals(150.0, manifest.at("/inputs/cellSizeX").asDouble());
        assertEquals("EPSG:32650", manifest.at("/inputs/crs").asText());
        assertEquals("small", manifest.at("/network/architecture").asText());
        assertEquals(8, manifest.at("/network/channels").asInt());
        assertEquals("cpu", manifest.at("/hyperParameters/preset").asText());
        assertTrue(manifest.at("/epochs").size() >= 1);
        assertNotNull(ImageIO.read(((Path) r.outputs().get("curves")).toFile()));
        assertNotNull(ImageIO.read(((Path) r.outputs().get("reliability")).toFile()), "the reliability diagram");
        JsonNode calibration = manifest.at("/validation/calibration");
        assertTrue(calibration.path("slope").asDouble() > 0, "the ranking is kept: " + calibration);
        assertTrue(calibration.has("intercept"), calibration.toString());
        // fitted to Platt's smoothed targets, so only nearly the hard labels' optimum
        assertTrue(calibration.path("nllAfter").asDouble() <= calibration.path("nllBefore").asDouble() + 0.02,
                "Platt scaling does not raise the validation NLL: " + calibration);
        assertTrue(((String) r.outputs().get("validation")).contains("calibrated (Platt: slope"));
        assertTrue(Files.readAllLines(store.resolve("survey-v1/curves.csv")).size() >= 2);
        assertTrue(((String) r.outputs().get("validation")).startsWith("AUC "));
        List<String> baselines = Files.readAllLines((Path) r.outputs().get("baselines"));
        assertEquals("fold,validation_patches,model,model_auc,best_element,element_sign,element_auc,logistic_auc,"
                + "forest_auc", baselines.get(0));
        String[] fold = baselines.get(1).split(",");
        assertEquals("small", fold[2]);
        assertEquals(auc, Double.parseDouble(fold[3]), 1e-4, "the model's AUC as in the manifest");
        assertEquals(manifest.at("/validation/baselines/logisticAuc").asDouble(), Double.parseDouble(fold[7]), 1e-4);
        assertEquals(manifest.at("/validation/baselines/element").asText(), fold[4]);
        assertTrue(baselines.get(baselines.size() - 1).startsWith("mean,"), baselines.toString());
        // the fresh model is in the shared cache: taking it out does not load it
        try (var cached = LIBRARIES.at(store).cache().get("survey-v1")) {
            assertEquals("survey-v1", cached.id());
        }
        assertEquals(List.of("survey-v1"), LIBRARIES.at(store).cache().ids());
    }

    @Test
    void unknownElementIsRefusedNamingTheBands() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> train(dir.resolve("models-bad"), "elements", "Au,Pt"));
        assertTrue(e.getMessage().contains("Pt"), e.getMessage());
    }
}
