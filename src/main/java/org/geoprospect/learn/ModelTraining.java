package org.geoprospect.learn;

import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.core.Version;
import org.geoprospect.evaluate.chart.CurveChart;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.Normalization;
import org.geoprospect.grid.Raster;
import org.geoprospect.select.DepositPoints;

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
 * spatial folds ({@link SpatialFolds}), one training per fold ({@link Trainer}), then the model of the first fold
 * — trained without its validation blocks, so its validation metrics are honest — saved with its manifest and
 * curves in the {@link ModelStore} and put in the shared {@link ModelCache}. With k folds every fold's validation
 * metrics are recorded: they say how well the method transfers to ground it has not seen.
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
     * @param validation final validation metrics (per fold with k > 1)
     * @param warnings   what happened to the data (deposits off the grid, patches skipped, …)
     */
    public record Outcome(String modelId, Path manifest, Path curves, Path curvesCsv, Map<String, Object> validation,
                          List<String> warnings) {
    }

    public Outcome run(Request request, ModelLibrary library, ProgressListener progress, Cancellation cancellation) {
        PatchDataset data = new PatchSampler(request.patches()).sample(request.raster(), request.elements(),
                request.deposits(), progress.slice(0, 0.05), cancellation);
        List<String> warnings = new ArrayList<>(data.report().warnings());
        SpatialFolds folds = SpatialFolds.split(data, request.folds(), request.training().seed());
        List<Map<String, Object>> perFold = new ArrayList<>();
        TrainedModel kept = null;
        try {
            for (int f = 0; f < folds.folds(); f++) {
                double from = 0.05 + 0.9 * f / folds.folds();
                TrainedModel trained = new Trainer().train(data, folds.trainingIndices(f), folds.validationIndices(f),
                        request.training(), progress.slice(from, from + 0.9 / folds.folds()), cancellation);
                perFold.add(foldMetrics(trained.history().best(), folds, f));
                if (f == 0) {
                    kept = trained;
                } else {
                    trained.close();
                }
            }
            ModelManifest manifest = manifest(request, data, kept, perFold);
            String id = library.store().save(kept.model(), manifest);
            Path png = library.store().curvesFile(id, "png");
            Path csv = library.store().curvesFile(id, "csv");
            writeCurves(kept.history(), png, csv);
            library.cache().put(id, kept.model()); // the cache owns the model from here on
            kept = null;
            progress.progress(1, "stored " + id);
            return new Outcome(id, library.store().directory().resolve(id).resolve("manifest.json"), png, csv,
                    manifest.validation(), warnings);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot store the model in " + library.store().directory() + ": "
                    + e.getMessage(), e);
        } finally {
            if (kept != null) {
                kept.close();
            }
        }
    }

    private static Map<String, Object> foldMetrics(EpochMetrics best, SpatialFolds folds, int fold) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fold", fold + 1);
        m.put("auc", best.validationAuc());
        m.put("accuracy", best.validationAccuracy());
        m.put("loss", best.validationLoss());
        m.put("bestEpoch", best.epoch());
        m.put("validationPatches", folds.validationIndices(fold).length);
        m.put("trainingPatches", folds.trainingIndices(fold).length);
        m.put("droppedForOverlap", folds.droppedForOverlap(fold));
        return m;
    }

    private static ModelManifest manifest(Request r, PatchDataset data, TrainedModel kept,
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
        List<Map<String, Double>> epochs = new ArrayList<>();
        for (EpochMetrics m : kept.history().epochs()) {
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
            validation.put("folds", perFold);
        }
        int ore = (int) data.patches().stream().filter(Patch::ore).count();
        return new ModelManifest(null, r.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Version.current(), inputs, kept.spec(), hyper,
                new ModelManifest.Provenance(r.gridFile(), r.depositsFile(), data.report().usableDeposits(), ore,
                        data.patches().size() - ore), epochs, validation);
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
        StringBuilder text = new StringBuilder("epoch,learning_rate,train_loss,train_accuracy,validation_loss,"
                + "validation_accuracy,validation_auc,seconds\n");
        for (EpochMetrics m : epochs) {
            text.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s%n", m.epoch(), m.learningRate(),
                    m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(), m.validationAuc(),
                    m.seconds()));
        }
        AtomicFile.write(csv, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }
}
