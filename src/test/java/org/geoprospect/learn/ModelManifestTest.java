package org.geoprospect.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelManifestTest {
    @Test
    void roundTripsThroughJsonWithStableFieldNames() throws IOException {
        ModelManifest manifest = TestManifests.manifest("gejiu").withId("gejiu-v3");
        String json = manifest.toJson();
        assertEquals(manifest, ModelManifest.fromJson(json));

        JsonNode tree = new ObjectMapper().readTree(json);
        List<String> fields = List.of("id", "name", "created", "softwareVersion", "inputs", "network",
                "hyperParameters", "provenance", "epochs", "validation", "members");
        assertEquals(fields, fieldNames(tree));
        assertEquals("gejiu-v3", tree.at("/id").asText());
        assertEquals("Sb", tree.at("/inputs/elements/2/name").asText());
        assertEquals("minmax", tree.at("/inputs/elements/2/normalization/method").asText());
        assertEquals(9.0, tree.at("/inputs/elements/2/normalization/max").asDouble());
        assertEquals(true, tree.at("/inputs/elements/0/normalization/log10").asBoolean());
        assertEquals(100.0, tree.at("/inputs/cellSizeY").asDouble());
        assertEquals("EPSG:32650", tree.at("/inputs/crs").asText());
        assertEquals(16, tree.at("/inputs/cropSize").asInt());
        assertEquals("small", tree.at("/network/architecture").asText());
        assertEquals(0.01, tree.at("/hyperParameters/lr").asDouble());
        assertEquals(40, tree.at("/provenance/orePatches").asInt());
        assertEquals(0.6, tree.at("/epochs/1/trainLoss").asDouble());
        assertEquals(0.875, tree.at("/validation/folds/0/auc").asDouble());
    }

    @Test
    void readsManifestsWithFieldsItDoesNotKnow() throws IOException {
        ModelManifest manifest = TestManifests.manifest("gejiu");
        String newer = manifest.toJson().replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");
        assertEquals(manifest, ModelManifest.fromJson(newer));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
