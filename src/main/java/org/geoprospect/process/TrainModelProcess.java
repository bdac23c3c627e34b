package org.geoprospect.process;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.Raster;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.learn.ModelTraining;
import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.PatchParameters;
import org.geoprospect.learn.RegionFit;
import org.geoprospect.learn.TrainingParameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code trainModel} process: an element grid stack, the elements to use and a deposits layer → a versioned
 * model in the model store (weights, manifest, curves), put in the shared model cache; its id and validation
 * metrics as literal outputs. A preset ({@code cpu}, {@code paper}) sets every training value; inputs override it.
 */
public final class TrainModelProcess implements GeoProcess {
    public static final String ID = "trainModel";
    /** Refusals that smaller patches or blocks may avoid: the next sizes are tried. */
    private static final java.util.Set<String> SIZE_DEPENDENT = java.util.Set.of("size", "deposits", "folds",
            "blockSize");

    @Override
    public boolean usesNativeEngine() {
        return true;
    }

    @Override
    public ProcessDescription description() {
        return ProcessDescriptions.get(ID);
    }

    @Override
    public ProcessResult execute(ProcessInputs in, ProcessContext context) {
        Warnings warnings = new Warnings();
        context.progress().progress(0, "reading the grid");
        Path gridFile = in.path("grid");
        Raster raster = new GeoTiffReader().read(gridFile);
        var deposits = DepositInputs.inGridCrs(in, raster, warnings);
        String name = in.string("name").orElse(defaultName(gridFile));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", in.require("preset"));
        ModelTraining.Prepared prepared = null;
        InvalidInputException refusal = null;
        for (RegionFit.Choice fit : RegionFit.candidates(raster.grid(), deposits, training(in).build().patchSize(),
                in.given("patch") ? in.integer("patch") : null,
                in.given("blockSize") ? in.integer("blockSize") : null, in.integer("folds"))) {
            TrainingParameters training = training(in).optPatchSize(fit.patchSize()).optCropSize(fit.cropSize())
                    .build();
            PatchParameters.Builder patches = training.patchParameters().optBlockSize(fit.blockSize());
            in.string("buffer").ifPresent(b -> patches.optBuffer(Integer.parseInt(b)));
            ModelTraining.Request request = new ModelTraining.Request(raster, in.strings("elements"), deposits,
                    training, patches.build(), in.integer("folds"), name, settings,
                    gridFile.getFileName().toString(), in.path("deposits").getFileName().toString());
            try {
                prepared = ModelTraining.prepare(request, context.progress().slice(0, 0.05),
                        context.cancellation());
                fit.reasons().forEach(warnings::add);
                break;
            } catch (InvalidInputException e) {
                if (!SIZE_DEPENDENT.contains(e.input())) {
                    throw e;
                }
                refusal = refusal == null ? e : refusal; // the preferred sizes' reason says most
            }
        }
        if (prepared == null) {
            throw refusal;
        }
        ModelTraining.Outcome outcome = new ModelTraining().run(prepared, context.requireModels(),
                context.progress(), context.cancellation());
        outcome.warnings().forEach(warnings::add);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("modelId", outcome.modelId());
        outputs.put("validation", summary(outcome.validation()) + "; trained on " + EngineInfo.current().device());
        outputs.put("manifest", outcome.manifest());
        outputs.put("curves", outcome.curves());
        outputs.put("reliability", outcome.reliability());
        outputs.put("baselines", outcome.baselines());
        return new ProcessResult(outputs, warnings.list());
    }

    private static TrainingParameters.Builder training(ProcessInputs in) {
        TrainingParameters.Builder b = switch (in.require("preset")) {
            case "paper" -> TrainingParameters.paper();
            case "cpu" -> TrainingParameters.cpu();
            default -> throw new InvalidInputException("preset", "preset '" + in.require("preset")
                    + "' is not paper or cpu");
        };
        in.string("network").ifPresent(n -> b.optArchitecture(NetworkArchitecture.fromId(n)));
        in.string("epochs").ifPresent(e -> b.optEpochs(Integer.parseInt(e)));
        in.string("batch").ifPresent(n -> b.optBatchSize(Integer.parseInt(n)));
        in.number("lr").ifPresent(b::optLearningRate);
        in.number("momentum").ifPresent(b::optMomentum);
        return b.optSeed(in.integer("seed"));
    }

    /** The grid's file name without extension, as a store-safe name. */
    private static String defaultName(Path grid) {
        String base = grid.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.isEmpty() || !Character.isLetterOrDigit(safe.charAt(0)) ? "model" : safe;
    }

    private static String summary(Map<String, Object> validation) {
        Map<?, ?> b = (Map<?, ?>) validation.get("baselines");
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "AUC %.3f, accuracy %.3f, loss %.3f (best "
                        + "epoch %s); on the same validation patches the best single element (%s) scores AUC %.3f, "
                        + "a logistic regression %.3f, a random forest %.3f", validation.get("auc"),
                validation.get("accuracy"), validation.get("loss"), validation.get("bestEpoch"), b.get("element"),
                b.get("elementAuc"), b.get("logisticAuc"), b.get("forestAuc")));
        Map<?, ?> c = (Map<?, ?>) validation.get("calibration");
        s.append(String.format(Locale.ROOT, "; probabilities calibrated (Platt: slope %.2f, intercept %.2f; expected "
                + "calibration error %.3f → %.3f)", c.get("slope"), c.get("intercept"), c.get("eceBefore"),
                c.get("eceAfter")));
        if (validation.containsKey("meanAuc")) {
            s.append(String.format(Locale.ROOT, "; mean AUC over folds %.3f (element %.3f, logistic %.3f, forest "
                            + "%.3f)", validation.get("meanAuc"), validation.get("meanElementAuc"),
                    validation.get("meanLogisticAuc"), validation.get("meanForestAuc")));
            for (Object fold : (List<?>) validation.get("folds")) {
                Map<?, ?> m = (Map<?, ?>) fold;
                s.append(String.format(Locale.ROOT, ", fold %s %.3f", m.get("fold"), m.get("auc")));
            }
        }
        return s.toString();
    }
}
