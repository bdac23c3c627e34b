package org.geoprospect.learn;

import org.geoprospect.grid.Normalization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, complete manifest for the store tests: the {@code small} network, 4 channels, 16 px. */
final class TestManifests {
    static final NetworkSpec SMALL = new NetworkSpec(NetworkArchitecture.SMALL, 4, 2, 16);

    private TestManifests() {
    }

    static ModelManifest manifest(String name) {
        List<ModelManifest.Element> elements = List.of(
                new ModelManifest.Element("Au", new Normalization("zscore", true, 0.5, 0.25, -1.0, 2.5)),
                new ModelManifest.Element("As", new Normalization("zscore", true, 1.0, 0.5, -0.5, 3.0)),
                new ModelManifest.Element("Sb", new Normalization("minmax", false, 2.0, 1.0, 0.0, 9.0)),
                new ModelManifest.Element("Hg", new Normalization("none", false, 0.1, 0.01, 0.0, 0.3)));
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("preset", "quick");
        hyper.put("epochs", 2);
        hyper.put("batch", 8);
        hyper.put("lr", 0.01);
        hyper.put("momentum", 0.9);
        hyper.put("weightDecay", 1e-4);
        hyper.put("seed", 42);
        hyper.put("folds", 1);
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("auc", 0.875);
        validation.put("accuracy", 0.75);
        validation.put("loss", 0.5);
        validation.put("folds", List.of(Map.of("auc", 0.875)));
        return new ModelManifest(null, name, "2026-11-25T19:40:00Z", "0.1.0-SNAPSHOT",
                new ModelManifest.Inputs(elements, 100.0, 100.0, "EPSG:32650", 20, 16), SMALL, hyper,
                new ModelManifest.Provenance("survey.tif", "deposits.csv", 7, 40, 45),
                List.of(Map.of("epoch", 1.0, "trainLoss", 0.69), Map.of("epoch", 2.0, "trainLoss", 0.6)),
                validation, null);
    }
}
