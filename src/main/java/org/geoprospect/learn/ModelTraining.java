package org.geoprospect.learn;

import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.core.Version;
import org.geoprospect.evaluate.ClassificationMetrics;
import org.geoprospect.evaluate.ConfusionMatrix;
import org.geoprospect.evaluate.CurveCsv;
import org.geoprospect.evaluate.chart.CurveChart;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.Normalization;
import org.geoprospect.grid.Raster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Step 3 from grids to a stored model: patches around the deposits and away from them ({@link PatchSampler}),
 * spatial folds ({@link SpatialFolds}), one training per fold ({@link Trainer}), each fold's model calibrated on
 * its own validation blocks — which it did not train on, so its validation metrics are honest — and all k kept as
 * one {@link Ensemble}, saved with its manifest and fold 1's curves in the {@link ModelStore} and put in the shared
 * {@link ModelCache}. Every fold's validation metrics are recorded: they say how well the method transfers to
 * ground it has not seen; prediction averages the k members and maps their spread.
 * Keeps DJL inside this package: callers get plain values back.
 */
public final class ModelTraining {

    /**
     * @param raster       the element grids
     * @param elements     the bands to train on, in channel order
     * @param deposits     known deposits in the raster's CRS
     * @param training     network and optimisation settings
     * @param patches      patch sampling settings
     * @param folds        k of the spatial k-fold validation (1: one spatial hold-out)
     * @param name         the model's name in the store (versions are added)
     * @param settings     the user-facing settings to record (preset, …) besides the training parameters
     * @param gridFile     provenance: the grid's file name
     * @param depositsFile provenance: the deposits' file name
     */
    public record Request(Raster raster, List<String> elements, DepositPoints deposits, TrainingParameters training,
                          PatchParameters patches, int folds, String name, Map<String, Object> settings,
                          String gridFile, String depositsFile) {
    }

    /**
     * @param modelId    the store's id of the new model
     * @param manifest   its manifest file
     * @param curves     its loss/accuracy/AUC curves (PNG)
     * @param curvesCsv  the same per-epoch numbers (CSV)
     * @param reliability the reliability diagram before and after calibration (PNG)
     * @param baselines  the model's AUC and the baselines' per fold, and their means (CSV)
     * @param validation final validation metrics (per fold with k > 1), and the calibration
     * @param warnings   what happened to the data (deposits off the grid, patches skipped, …)
     */
    public record Outcome(String modelId, Path manifest, Path curves, Path curvesCsv, Path reliability,
                          Path baselines, Map<String, Object> validation,
                          List<String> warnings) {
    }

    /** A request's patches, sampled and split into spatial folds: checked before any training starts. */
    public record Prepared(Request request, PatchDataset data, SpatialFolds folds) {
    }

    /**
     * @throws InvalidInputException when the patches cannot be cut ({@code size}, {@code deposits}) or split with
     *                               both classes on both sides ({@code folds}, {@code blockSize})
     */
    public static Prepared prepare(Request request, ProgressListener progress, Cancellation cancellation) {
        PatchDataset data = new PatchSampler(request.patches()).sample(request.raster(), request.elements(),
                request.deposits(), progress, cancellation);
        return new Prepared(request, data, SpatialFolds.split(data, request.folds(), request.training().seed()));
    }

    public Outcome run(Prepared prepared, ModelLibrary library, ProgressListener progress,
                       Cancellation cancellation) {
        Request request = prepared.request();
        PatchDataset data = prepared.data();
        SpatialFolds folds = prepared.folds();
        TrainingParameters t = request.training();
        List<String> warnings = new ArrayList<>(data.report().warnings());
        List<Map<String, Object>> perFold = new ArrayList<>();
        List<Ensemble.Member> members = new ArrayList<>();
        Fold first = null;
        try {
            for (int f = 0; f < folds.folds(); f++) {
                double from = 0.05 + 0.9 * f / folds.folds();
                Fold fold = train(data, folds.trainingIndices(f), folds.validationIndices(f), t,
                        progress.slice(from, from + 0.9 / folds.folds()), cancellation);
                members.add(fold.member());
                Baselines.Result baselines = Baselines.score(data, folds.trainingIndices(f),
                        folds.validationIndices(f), t.cropSize(), t.seed());
                perFold.add(foldMetrics(fold, folds, f, baselines));
                first = f == 0 ? fold : first;
            }
            Ensemble ensemble = new Ensemble(members);
            ModelManifest manifest = manifest(request, data, first.spec(), first.history(), perFold);
            String id = library.store().save(ensemble, manifest);
            Path png = library.store().curvesFile(id, "png");
            Path csv = library.store().curvesFile(id, "csv");
            writeCurves(first.history(), png, csv);
            Path reliability = library.store().reliabilityFile(id);
            writeReliability(first.validation(), first.member().calibration(), reliability);
            Path baselines = library.store().baselinesFile(id);
            writeBaselines(perFold, t.architecture().id(), baselines);
            library.cache().put(id, ensemble); // the cache owns the members from here on
            members.clear();
            progress.progress(1, "stored " + id);
            return new Outcome(id, library.store().directory().resolve(id).resolve("manifest.json"), png, csv,
                    reliability, baselines, manifest.validation(), warnings);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot store the model in " + library.store().directory() + ": "
                    + e.getMessage(), e);
        } finally {
            members.forEach(Ensemble.Member::close);
        }
    }

    /**
     * One fold's trained member, what the manifest and the charts need of it, and its validation.
     *
     * @param validation its validation patches' margins and classes, which its calibration was fitted on
     */
    record Fold(Ensemble.Member member, NetworkSpec spec, TrainingHistory history, Validator.Result validation) {
    }

    /** A network by {@link Trainer}, calibrated on its validation patches; a baseline by {@link BaselineFit}. */
    private static Fold train(PatchDataset data, int[] training, int[] validation, TrainingParameters t,
                              ProgressListener progress, Cancellation cancellation) {
        if (t.architecture().isBaseline()) {
            Fold fold = BaselineFit.fit(data, training, validation, t);
            progress.progress(1, "fitted " + t.architecture().id());
            return fold;
        }
        TrainedModel trained = new Trainer().train(data, training, validation, t, progress, cancellation);
        try {
            Validator.Result validated = Validator.validate(trained.model(), data, validation,
                    new Augmenter(t.patchSize(), t.cropSize(), t.seed()), t.cropSize(), t.batchSize());
            Calibration calibration = Calibration.fit(validated.margins(), validated.ore());
            return new Fold(new Ensemble.NetworkMember(trained.model(), calibration), trained.spec(),
                    trained.history(), validated);
        } catch (RuntimeException | Error e) {
            trained.close();
            throw e;
        }
    }

    private static Map<String, Object> foldMetrics(Fold trained, SpatialFolds folds, int fold,
                                                   Baselines.Result baselines) {
        EpochMetrics best = trained.history().best();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", fold + 1);
        m.put("auc", best.validationAuc());
        m.put("accuracy", best.validationAccuracy());
        // "ore" where its logit wins, the rule of the accuracy: the paper's comparison table reports F1 beside it
        m.put("f1", ClassificationMetrics.of(ConfusionMatrix.atThreshold(trained.validation().margins(),
                trained.validation().ore(), 0)).f1Ore());
        m.put("loss", best.validationLoss());
        m.put("bestEpoch", best.epoch());
        m.put("validationPatches", folds.validationIndices(fold).length);
        m.put("trainingPatches", folds.trainingIndices(fold).length);
        m.put("droppedForOverlap", folds.droppedForOverlap(fold));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("features", "window means: each element's mean over the validation window (centre crop)");
        b.put("element", baselines.element());
        b.put("elementSign", baselines.sign());
        b.put("elementAuc", baselines.elementAuc());
        b.put("logisticAuc", baselines.logisticAuc());
        b.put("forestAuc", baselines.forestAuc());
        m.put("baselines", b);
        m.put("calibration", calibrationMetrics(trained.member().calibration()));
        return m;
    }

    private static Map<String, Object> calibrationMetrics(Calibration calibration) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", "Platt scaling on the validation patches: p = sigmoid(slope * margin + intercept)");
        c.put("slope", calibration.slope());
        c.put("intercept", calibration.intercept());
        c.put("nllBefore", calibration.nllBefore());
        c.put("nllAfter", calibration.nllAfter());
        c.put("eceBefore", calibration.eceBefore());
        c.put("eceAfter", calibration.eceAfter());
        return c;
    }

    private static ModelManifest manifest(Request r, PatchDataset data, NetworkSpec spec, TrainingHistory history,
                                          List<Map<String, Object>> perFold) {
        List<ModelManifest.Element> elements = new ArrayList<>();
        for (String e : r.elements()) {
            Band band = r.raster().band(e);
            elements.add(new ModelManifest.Element(e, Normalization.fromMetadata(band.metadata())));
        }
        var grid = r.raster().grid();
        ModelManifest.Inputs inputs = new ModelManifest.Inputs(elements, grid.cellWidth(), grid.cellHeight(),
                grid.crs().id(), r.training().patchSize(), r.training().cropSize());
        TrainingParameters t = r.training();
        Map<String, Object> hyper = new LinkedHashMap<>(r.settings());
        hyper.put("network", t.architecture().id());
        hyper.put("epochs", t.epochs());
        hyper.put("batch", t.batchSize());
        hyper.put("lr", t.learningRate());
        hyper.put("momentum", t.momentum());
        hyper.put("weightDecay", t.weightDecay());
        hyper.put("lrStepEpochs", t.stepEpochs());
        hyper.put("lrStepFactor", t.stepFactor());
        hyper.put("patience", t.patience());
        hyper.put("seed", t.seed());
        hyper.put("folds", r.folds());
        hyper.put("blockSize", r.patches().blockSize());
        List<Map<String, Double>> epochs = new ArrayList<>();
        for (EpochMetrics m : history.epochs()) {
            Map<String, Double> e = new LinkedHashMap<>();
            e.put("epoch", (double) m.epoch());
            e.put("learningRate", m.learningRate());
            e.put("trainLoss", m.trainLoss());
            e.put("trainAccuracy", m.trainAccuracy());
            e.put("validationLoss", m.validationLoss());
            e.put("validationAccuracy", m.validationAccuracy());
            e.put("validationAuc", m.validationAuc());
            e.put("seconds", m.seconds());
            epochs.add(e);
        }
        Map<String, Object> validation = new LinkedHashMap<>(perFold.get(0));
        validation.remove("fold");
        if (perFold.size() > 1) {
            validation.put("meanAuc", perFold.stream().mapToDouble(m -> (double) m.get("auc")).average().orElseThrow());
            for (String baseline : List.of("elementAuc", "logisticAuc", "forestAuc")) {
                validation.put("mean" + Character.toUpperCase(baseline.charAt(0)) + baseline.substring(1),
                        perFold.stream().mapToDouble(m -> (double) ((Map<?, ?>) m.get("baselines")).get(baseline))
                                .average().orElseThrow());
            }
            validation.put("folds", perFold);
        }
        int ore = (int) data.patches().stream().filter(Patch::ore).count();
        return new ModelManifest(null, r.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Version.current(), inputs, spec, hyper,
                new ModelManifest.Provenance(r.gridFile(), r.depositsFile(), data.report().usableDeposits(), ore,
                        data.patches().size() - ore), epochs, validation, null);
    }

    /** Per fold, the model's validation AUC beside the baselines' on the same patches; then the means. */
    private static void writeBaselines(List<Map<String, Object>> perFold, String model, Path file)
            throws IOException {
        StringBuilder csv = new StringBuilder("fold,validation_patches,model,model_auc,best_element,element_sign,"
                + "element_auc,logistic_auc,forest_auc\n");
        double[] sums = new double[4];
        for (Map<String, Object> fold : perFold) {
            Map<?, ?> b = (Map<?, ?>) fold.get("baselines");
            double[] auc = {(double) fold.get("auc"), (double) b.get("elementAuc"), (double) b.get("logisticAuc"),
                    (double) b.get("forestAuc")};
            for (int i = 0; i < auc.length; i++) {
                sums[i] += auc[i] / perFold.size();
            }
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%s,%s,%.4f,%.4f,%.4f%n", fold.get("fold"),
                    fold.get("validationPatches"), model, auc[0], b.get("element"),
                    (int) b.get("elementSign") > 0 ? "+" : "-", auc[1], auc[2], auc[3]));
        }
        csv.append(String.format(Locale.ROOT, "mean,,%s,%.4f,,,%.4f,%.4f,%.4f%n", model, sums[0], sums[1], sums[2],
                sums[3]));
        AtomicFile.write(file, temp -> Files.writeString(temp, csv, StandardCharsets.UTF_8));
    }

    /** Mean predicted probability against the ore share per bin, before and after calibration. */
    private static void writeReliability(Validator.Result v, Calibration c, Path png) throws IOException {
        double[][] before = Calibration.reliability(v.margins(), v.ore(), 1, 0);
        double[][] after = Calibration.reliability(v.margins(), v.ore(), c.slope(), c.intercept());
        new CurveChart(String.format(Locale.ROOT, "Reliability on the validation patches (ECE %.3f → %.3f)",
                c.eceBefore(), c.eceAfter()), "predicted probability of ore", "share of ore patches", List.of(
                new CurveChart.Series("perfect calibration", new double[] {0, 1}, new double[] {0, 1}),
                new CurveChart.Series("softmax", before[0], before[1]),
                new CurveChart.Series(String.format(Locale.ROOT, "calibrated (a = %.2f, b = %.2f)", c.slope(),
                        c.intercept()),
                        after[0], after[1]))).writePng(png);
    }

    private static void writeCurves(TrainingHistory history, Path png, Path csv) throws IOException {
        List<EpochMetrics> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
        List<CurveChart.Series> series = List.of(
                new CurveChart.Series("training loss", x, epochs.stream().mapToDouble(EpochMetrics::trainLoss).toArray()),
                new CurveChart.Series("validation loss", x,
                        epochs.stream().mapToDouble(EpochMetrics::validationLoss).toArray()),
                new CurveChart.Series("training accuracy", x,
                        epochs.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray()),
                new CurveChart.Series("validation accuracy", x,
                        epochs.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray()),
                new CurveChart.Series("validation AUC", x,
                        epochs.stream().mapToDouble(EpochMetrics::validationAuc).toArray()));
        new CurveChart("Training curves (best epoch " + history.bestEpoch() + ")", "epoch", "loss / accuracy / AUC",
                series).writePng(png);
        CurveCsv.writeTable(csv, List.of("epoch", "learning_rate", "train_loss", "train_accuracy", "validation_loss",
                "validation_accuracy", "validation_auc", "seconds"), epochs.stream().map(m -> new double[] {
                m.epoch(), m.learningRate(), m.trainLoss(), m.trainAccuracy(), m.validationLoss(),
                m.validationAccuracy(), m.validationAuc(), m.seconds()}).toList());
    }
}
