package org.geoprospect.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.evaluate.ClassificationMetrics;
import org.geoprospect.evaluate.ConfusionMatrix;
import org.geoprospect.evaluate.MetricsJson;
import org.geoprospect.evaluate.SuccessRateCurve;
import org.geoprospect.evaluate.SuccessRatePoint;
import org.geoprospect.evaluate.chart.ConfusionMatrixChart;
import org.geoprospect.evaluate.chart.CurveChart;
import org.geoprospect.evaluate.chart.ProbabilityMap;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.GeoTiffWriter;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.LabellingParameters;
import org.geoprospect.grid.Raster;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.predict.PredictionEvaluation;
import org.geoprospect.predict.SelectionRule;
import org.geoprospect.predict.Target;
import org.geoprospect.predict.TargetGeoJson;
import org.geoprospect.predict.TargetGeoPackage;
import org.geoprospect.predict.TargetPolygons;
import org.geoprospect.predict.TargetPrediction;
import org.locationtech.jts.geom.Point;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code predictTargets} process: a stored model and an element grid stack → the ore probability raster, the
 * target polygons as a GeoPackage layer (grid CRS) and GeoJSON (WGS 84), a ranked target table, and — with a
 * deposits layer — the evaluation: metrics JSON, confusion matrix and success-rate charts. Tiles (the paper's
 * protocol, 12x12 by default) or a sliding window; a probability threshold (0.5 by default) or a top area share.
 */
public final class PredictTargetsProcess implements GeoProcess {
    public static final String ID = "predictTargets";

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
        Raster raster = new GeoTiffReader().read(in.path("grid"));
        var deposits = in.given("deposits") ? DepositInputs.inGridCrs(in, raster, warnings) : null;
        SelectionRule rule = in.given("topArea") ? SelectionRule.topArea(in.number("topArea").getAsDouble())
                : SelectionRule.threshold(in.number("threshold").getAsDouble());
        String tiles = in.string("tiles").orElse(null); // the default 12x12 unless a stride is given
        LabellingParameters.Builder labelling = LabellingParameters.builder()
                .optExclusionBuffer(in.integer("buffer")).optSeed(in.integer("seed"));
        if (in.given("negatives")) {
            labelling.optNegatives(in.integer("negatives"));
        }
        TargetPolygons polygons = TargetPolygons.builder().optSimplify(in.number("simplify").getAsDouble())
                .optMinAreaKm2(in.number("minArea").getAsDouble()).build();
        TargetPrediction.Request request = new TargetPrediction.Request(raster, in.require("model"), tiles,
                in.given("stride") ? in.integer("stride") : 0, rule, in.bool("flips"), in.integer("batch"), deposits,
                polygons, labelling.build());
        TargetPrediction.Outcome outcome = new TargetPrediction().run(request,
                context.requireModels(), context.progress().slice(0.05, 0.95),
                context.cancellation());
        outcome.warnings().forEach(warnings::add);

        var crs = raster.grid().crs();
        Map<String, Object> outputs = new LinkedHashMap<>();
        OutputFiles.write(context, "targets", outputs, file -> TargetGeoPackage.write(outcome.targets(), crs, file));
        OutputFiles.write(context, "targetsGeoJson", outputs,
                file -> TargetGeoJson.write(outcome.targets(), crs, file));
        OutputFiles.write(context, "targetTable", outputs, file -> writeTable(file, outcome.targets()));
        OutputFiles.write(context, "probability", outputs,
                file -> new GeoTiffWriter().write(outcome.probability(), file));
        OutputFiles.write(context, "map", outputs, file -> map(outcome, request).writePng(file));
        OutputFiles.write(context, "metrics", outputs, file -> MetricsJson.write(metrics(outcome, request,
                warnings), file));
        PredictionEvaluation evaluation = outcome.evaluation();
        if (evaluation != null) {
            evaluation.classification().ifPresent(m -> OutputFiles.write(context, "confusion", outputs,
                    file -> confusionChart(m, evaluation.items()).writePng(file)));
            evaluation.successRate().ifPresent(curve -> OutputFiles.write(context, "successRate", outputs,
                    file -> successRateChart(curve, outcome.selection().areaShare()).writePng(file)));
        }
        outputs.put("summary", summary(outcome) + "; predicted on " + EngineInfo.current().device());
        context.progress().progress(1, "done");
        return new ProcessResult(outputs, warnings.list());
    }

    private static String summary(TargetPrediction.Outcome o) {
        long known = o.targets().stream().filter(t -> t.knownDeposits() > 0).count();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d targets (%d known, %d new) over %.1f %% "
                        + "of the area, probability ≥ %.3f", o.targets().size(), known, o.targets().size() - known,
                100 * o.selection().areaShare(), o.selection().cutoff()));
        PredictionEvaluation e = o.evaluation();
        if (e != null) {
            e.classification().ifPresent(m -> s.append(String.format(Locale.ROOT, "; %s: accuracy %.4f, recall "
                    + "%.4f, macro F1 %.4f", e.items(), m.accuracy(), m.recall(), m.macroF1())));
            e.roc().ifPresent(roc -> roc.auc().ifPresent(auc -> s.append(String.format(Locale.ROOT, ", AUC %.4f",
                    auc))));
            if (e.deposits() > 0) {
                s.append(String.format(Locale.ROOT, "; %d of %d deposits (%.1f %%) in the targets", e.captured(),
                        e.deposits(), 100 * e.coverage()));
            }
        }
        return s.toString();
    }

    private static ObjectNode metrics(TargetPrediction.Outcome o, TargetPrediction.Request r, Warnings warnings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("model", o.manifest().id());
        root.put("protocol", o.tiles() != null ? "tiles" : "sliding window");
        if (o.tiles() != null) {
            root.put("tiles", o.tiles().toString());
        } else {
            root.put("stride", r.stride());
        }
        root.put("flips", r.flips());
        root.put("windows", o.windows());
        root.put("rule", r.rule().toString());
        root.put("cutoff", o.selection().cutoff());
        root.put("selectedAreaShare", o.selection().areaShare());
        root.put("studyCells", o.selection().studyCells());
        ObjectNode targets = root.putObject("targets");
        targets.put("count", o.targets().size());
        targets.put("known", o.targets().stream().filter(t -> t.knownDeposits() > 0).count());
        targets.put("new", o.targets().stream().filter(t -> t.knownDeposits() == 0).count());
        targets.put("areaKm2", o.targets().stream().mapToDouble(Target::areaKm2).sum());
        PredictionEvaluation e = o.evaluation();
        if (e != null) {
            ObjectNode ev = root.putObject("evaluation");
            ev.put("items", e.items());
            e.classification().ifPresent(m -> ev.set("classification", MetricsJson.toJson(m)));
            e.roc().ifPresent(roc -> {
                if (roc.auc().isPresent()) {
                    ev.put("auc", roc.auc().getAsDouble());
                }
                ev.put("positives", roc.positives());
                ev.put("negatives", roc.negatives());
            });
            e.successRate().ifPresent(c -> ev.set("successRate", MetricsJson.toJson(c)));
            ObjectNode coverage = ev.putObject("depositCoverage");
            coverage.put("deposits", e.deposits());
            coverage.put("inTargets", e.captured());
            if (e.deposits() > 0) {
                coverage.put("share", e.coverage());
            }
            if (!e.tiles().isEmpty()) {
                ArrayNode tiles = ev.putArray("tiles");
                for (PredictionEvaluation.TileResult t : e.tiles()) {
                    ObjectNode row = tiles.addObject();
                    row.put("tile", t.number());
                    if (Double.isNaN(t.probability())) {
                        row.putNull("probability");
                    } else {
                        row.put("probability", t.probability());
                    }
                    row.put("deposits", t.deposits());
                    row.put("ore", t.ore());
                    row.put("predicted", t.predicted());
                }
            }
        }
        ArrayNode w = root.putArray("warnings");
        warnings.list().forEach(w::add);
        return root;
    }

    private static void writeTable(Path file, List<Target> targets) throws IOException {
        StringBuilder csv = new StringBuilder("rank,id,status,tiles,mean_prob,max_prob,prob_sd,area_km2,deposits,"
                + "cells,centre_x,centre_y\n");
        for (Target t : targets) {
            Point centre = t.geometry().getInteriorPoint();
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%.6f,%.6f,%s,%.6f,%d,%d,%.3f,%.3f%n", t.rank(), t.id(),
                    t.status(), OutputFiles.csvField(t.tiles().stream().map(String::valueOf)
                            .collect(Collectors.joining(","))), t.meanProbability(), t.maxProbability(),
                    Double.isNaN(t.probabilitySd()) ? "" : String.format(Locale.ROOT, "%.6f", t.probabilitySd()),
                    t.areaKm2(), t.knownDeposits(), t.cells(), centre.getX(), centre.getY()));
        }
        AtomicFile.write(file, temp -> Files.writeString(temp, csv, StandardCharsets.UTF_8));
    }

    private static ProbabilityMap map(TargetPrediction.Outcome o, TargetPrediction.Request r) {
        List<ProbabilityMap.Outline> outlines = o.targets().stream()
                .map(t -> new ProbabilityMap.Outline(t.geometry(), Integer.toString(t.rank()), t.knownDeposits() > 0))
                .toList();
        double[] x = r.deposits() == null ? new double[0] : r.deposits().x();
        double[] y = r.deposits() == null ? new double[0] : r.deposits().y();
        String title = String.format(Locale.ROOT, "%s: %d targets, %s", o.manifest().id(), o.targets().size(),
                o.tiles() != null ? o.tiles() + " tiles" : "sliding window, stride " + r.stride());
        GridGeometry g = o.probability().grid();
        ProbabilityMap.MapGrid grid = new ProbabilityMap.MapGrid(g.width(), g.height(), g.minX(), g.maxY(),
                g.cellWidth(), g.cellHeight(), g.crs().isGeographic() ? Double.NaN : g.crs().metresPerUnit());
        return new ProbabilityMap(title, grid, o.probability().bands().get(0).data(), outlines, x, y);
    }

    private static ConfusionMatrixChart confusionChart(ClassificationMetrics m, String items) {
        ConfusionMatrix c = m.matrix();
        return new ConfusionMatrixChart(String.format(Locale.ROOT, "Confusion matrix (%s): accuracy %.3f, macro F1 "
                + "%.3f", items, m.accuracy(), m.macroF1()), List.of("ore", "no ore"),
                new long[][] {{c.tp(), c.fn()}, {c.fp(), c.tn()}});
    }

    private static CurveChart successRateChart(SuccessRateCurve curve, double selectedShare) {
        double[] area = curve.points().stream().mapToDouble(SuccessRatePoint::areaShare).toArray();
        double[] captured = curve.points().stream().mapToDouble(SuccessRatePoint::depositShare).toArray();
        String title = String.format(Locale.ROOT, "Success rate: %d deposits, AUC %.3f; targets (%.1f %% of the "
                + "area) hold %.1f %%", curve.deposits(), curve.auc(), 100 * selectedShare,
                100 * curve.captureAt(selectedShare));
        return new CurveChart(title, "share of the area, most probable first", "share of deposits",
                List.of(new CurveChart.Series("ranked by ore probability", area, captured))).optDiagonal()
                .optXRange(0, 1).optYRange(0, 1);
    }
}
