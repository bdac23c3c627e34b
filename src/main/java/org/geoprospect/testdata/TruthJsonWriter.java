package org.geoprospect.testdata;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.grid.Extent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code truth.json}: every parameter of the survey (seed, CRS, extent, the element table with μ, σ, halo
 * amplitude and detection limit, the sampling design) and the ground truth (ore-related elements, structures, all
 * deposits with their known/hidden flag, halo radius and strength). Fields in a fixed order, two-space indent,
 * {@code \n} line ends, so that the file is byte-identical for the same survey.
 */
final class TruthJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthJsonWriter() {
    }

    static void write(GeneratedSurvey survey, Path file) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = JSON.writer(printer).writeValueAsString(truth(survey)) + "\n";
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode truth(GeneratedSurvey survey) {
        SyntheticSurvey p = survey.parameters();
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", SyntheticSurvey.class.getName());
        root.put("seed", p.seed());
        root.put("crs", p.crs().id());
        root.put("crsName", p.crs().name());
        Extent x = p.extent();
        root.putObject("extent").put("minX", x.minX()).put("minY", x.minY()).put("maxX", x.maxX())
                .put("maxY", x.maxY());
        root.putObject("background").put("covariance", "gaussian: exp(-h^2 / (2 correlationLength^2))")
                .put("correlationLength", p.correlationLength()).put("modes", SyntheticSurvey.MODES);
        root.putObject("analyticalError").put("model", "lognormal: value * exp(relativeError * Z)")
                .put("relativeError", p.relativeError());
        root.set("sampling", sampling(p, survey.samples().size()));
        root.set("depositModel", depositModel(p));
        ArrayNode elements = root.putArray("elements");
        for (ElementModel e : survey.elements()) {
            elements.addObject().put("symbol", e.symbol()).put("column", e.column()).put("unit", e.unit())
                    .put("median", e.median()).put("mu", e.mu()).put("sigma", e.sigma())
                    .put("haloAmplitude", e.haloAmplitude()).put("detectionLimit", e.detectionLimit())
                    .put("oreRelated", e.oreRelated());
        }
        ArrayNode ore = root.putArray("oreRelatedElements");
        survey.elements().stream().filter(ElementModel::oreRelated).forEach(e -> ore.add(e.symbol()));
        ArrayNode structures = root.putArray("structures");
        for (Structure s : survey.structures()) {
            structures.addObject().put("id", s.id()).put("x", s.x()).put("y", s.y()).put("azimuth", s.azimuth());
        }
        ArrayNode deposits = root.putArray("deposits");
        for (Deposit d : survey.deposits()) {
            deposits.addObject().put("id", d.id()).put("name", d.name()).put("x", d.x()).put("y", d.y())
                    .put("status", d.status()).put("known", d.known()).put("radius", d.radius())
                    .put("strength", d.strength()).put("structure", d.structure());
        }
        return root;
    }

    private static ObjectNode sampling(SyntheticSurvey p, int rows) {
        ObjectNode s = JSON.createObjectNode();
        s.put("rows", rows).put("duplicates", p.duplicates()).put("missingCells", p.missingCells())
                .put("streamFraction", SamplingDesign.STREAM_FRACTION)
                .put("patchFraction", SamplingDesign.PATCH_FRACTION)
                .put("uniformFraction", 1 - SamplingDesign.STREAM_FRACTION - SamplingDesign.PATCH_FRACTION)
                .put("streamStep", SamplingDesign.STEP).put("streamTurnSd", SamplingDesign.TURN)
                .put("streamJitterSd", SamplingDesign.JITTER).put("streamSteps", SamplingDesign.STREAM_STEPS)
                .put("patchSize", SamplingDesign.PATCH_SIZE).put("patchSd", SamplingDesign.PATCH_SD);
        return s;
    }

    private static ObjectNode depositModel(SyntheticSurvey p) {
        ObjectNode d = JSON.createObjectNode();
        d.put("halo", "log10 value += haloAmplitude * strength * exp(-d^2 / (2 radius^2))")
                .put("deposits", p.deposits()).put("knownFraction", p.knownFraction())
                .put("structures", p.structures()).put("onStructureProbability", DepositPlacement.ON_STRUCTURE)
                .put("acrossStructureSd", DepositPlacement.ACROSS_SD)
                .put("structureAzimuthMean", DepositPlacement.MEAN_AZIMUTH)
                .put("structureAzimuthSd", DepositPlacement.AZIMUTH_SD).put("margin", DepositPlacement.MARGIN)
                .put("radiusMin", p.radiusMin()).put("radiusMax", p.radiusMax())
                .put("strengthMin", DepositPlacement.STRENGTH_MIN).put("strengthMax", DepositPlacement.STRENGTH_MAX);
        return d;
    }
}
