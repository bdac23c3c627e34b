package org.geoprospect.learn;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.geoprospect.grid.Normalization;

import java.util.List;
import java.util.Map;

/**
 * Everything another process needs to use a trained model, and to judge it: stored as {@code manifest.json} beside
 * the weights by {@link ModelStore}. The JSON field names are the record components' names and are stable; unknown
 * fields are ignored when reading, so that older readers accept newer manifests. Example (shortened):
 * <pre>{@code
 * {"id":"gejiu-v3","name":"gejiu","created":"2026-11-25T19:40:00Z","softwareVersion":"0.1.0",
 *  "inputs":{"elements":[{"name":"Sn","normalization":{"method":"zscore","log10":true,"mean":0.8,"std":0.3,
 *            "min":-0.2,"max":2.9}}],"cellSizeX":100.0,"cellSizeY":100.0,"crs":"EPSG:32650",
 *            "patchSize":256,"cropSize":224},
 *  "network":{"architecture":"resnet50","channels":8,"classes":2,"inputSize":224},
 *  "hyperParameters":{"preset":"paper","epochs":30,"batch":16,"lr":0.01,"seed":42,"folds":5},
 *  "provenance":{"gridFile":"gejiu.tif","depositsFile":"deposits.csv","depositsUsed":53,"orePatches":212,
 *                "noOrePatches":225},
 *  "epochs":[{"epoch":1.0,"trainLoss":0.69,"validationAuc":0.71}],
 *  "validation":{"auc":0.93,"accuracy":0.88,"loss":0.31,"folds":[{"auc":0.91},{"auc":0.95}]},
 *  "members":[{"fold":1,"file":"model","slope":0.8,"intercept":-0.3},{"fold":2,"file":"fold2","slope":0.7,
 *              "intercept":-0.1}]}
 * }</pre>
 *
 * @param id              the store's identifier {@code <name>-v<N>}; null until {@link ModelStore#save} assigns it
 * @param name            the model's name, without the version
 * @param created         when training finished, ISO-8601 ({@code 2026-11-25T19:40:00Z})
 * @param softwareVersion the geoprospect version that trained it
 * @param inputs          the element grids the network reads, in channel order
 * @param network         the network, enough to rebuild the block before loading the weights
 * @param hyperParameters training settings by name (preset, epochs, batch, lr, momentum, weightDecay, lrStep,
 *                        seed, folds …): JSON numbers, strings and booleans
 * @param provenance      the training data
 * @param epochs          metrics per epoch by name (e.g. {@code trainLoss}, {@code validationAuc}), in epoch order
 * @param validation      final metrics by name ({@code auc}, {@code accuracy}, {@code loss}; per fold if any)
 * @param members         the stored members, one per fold, fold 1 first; written by {@link ModelStore#save}; null
 *                        in manifests from before ensembles, whose one member is the weights {@code model} with the
 *                        calibration in {@code validation}
 */
@JsonPropertyOrder({"id", "name", "created", "softwareVersion", "inputs", "network", "hyperParameters",
        "provenance", "epochs", "validation", "members"})
public record ModelManifest(String id, String name, String created, String softwareVersion, Inputs inputs,
                            NetworkSpec network, Map<String, Object> hyperParameters, Provenance provenance,
                            List<Map<String, Double>> epochs, Map<String, Object> validation,
                            List<Member> members) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * What the network reads: the grids' elements in channel order, the grid geometry they must share, and the
     * patch sizes.
     *
     * @param elements  the elements, in channel order, with the normalisation applied in training
     * @param cellSizeX cell width, in CRS units
     * @param cellSizeY cell height, in CRS units
     * @param crs       the CRS identifier ({@code EPSG:32650})
     * @param patchSize patch width = height cut from the grid, in cells
     * @param cropSize  width = height of the crop the network sees, in cells
     */
    public record Inputs(List<Element> elements, double cellSizeX, double cellSizeY, String crs, int patchSize,
                         int cropSize) {
        /** @return the element names in channel order */
        public List<String> elementNames() {
            return elements.stream().map(Element::name).toList();
        }
    }

    /**
     * @param name          the element (band name), e.g. {@code Au}
     * @param normalization how its values were normalised in training; new data must be normalised the same way
     */
    public record Element(String name, Normalization normalization) {
    }

    /**
     * @param gridFile     file name of the element grids trained on
     * @param depositsFile file name of the known deposits
     * @param depositsUsed deposits that yielded ore patches
     * @param orePatches   ore patches
     * @param noOrePatches no-ore patches
     */
    public record Provenance(String gridFile, String depositsFile, int depositsUsed, int orePatches,
                             int noOrePatches) {
    }

    /**
     * One fold's member of the stored model.
     *
     * @param fold      its fold, 1…k: it was trained without that fold's validation blocks
     * @param file      its weights' file name prefix in the model's folder ({@code model}, {@code fold2}, …)
     * @param slope     its Platt calibration's slope
     * @param intercept its Platt calibration's intercept
     */
    public record Member(int fold, String file, double slope, double intercept) {
    }

    /** @return this manifest with the store's identifier */
    public ModelManifest withId(String newId) {
        return new ModelManifest(newId, name, created, softwareVersion, inputs, network, hyperParameters, provenance,
                epochs, validation, members);
    }

    /** @return this manifest with its stored members */
    public ModelManifest withMembers(List<Member> stored) {
        return new ModelManifest(id, name, created, softwareVersion, inputs, network, hyperParameters, provenance,
                epochs, validation, stored);
    }

    /** @return the manifest as indented JSON */
    public String toJson() throws JsonProcessingException {
        return JSON.writeValueAsString(this);
    }

    /** @return the manifest the JSON describes */
    public static ModelManifest fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, ModelManifest.class);
    }
}
