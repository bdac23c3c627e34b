package org.geoprospect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.Warnings;
import org.geoprospect.evaluate.AucSignificance;
import org.geoprospect.evaluate.RocPoint;
import org.geoprospect.evaluate.chart.RocChart;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.LabellingParameters;
import org.geoprospect.grid.Raster;
import org.geoprospect.select.ElementResult;
import org.geoprospect.select.ElementSelection;
import org.geoprospect.select.ElementSelector;
import org.geoprospect.select.SelectionStability;
import org.geoprospect.select.SvmParameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code selectElements} process: an element grid stack and a deposits layer → per element AUC, σ, ZAUC,
 * p-value and selection, as a CSV table, a JSON document and one ROC chart; the selected elements as a literal.
 * Deposits in another CRS than the grid are transformed into it.
 */
public final class SelectElementsProcess implements GeoProcess {
    public static final String ID = "selectElements";

    @Override
    public ProcessDescription description() {
        return ProcessDescriptions.get(ID);
    }

    @Override
    public ProcessResult execute(ProcessInputs in, ProcessContext context) {
        Warnings warnings = new Warnings();
        context.progress().progress(0, "reading the grid");
        Raster raster = new GeoTiffReader().read(in.path("grid"));
        if (Boolean.parseBoolean(raster.metadata().get(GeoTiffReader.BAND_NAMES_DEFAULTED))) {
            warnings.add("the grid has no band names, so its bands are called " + raster.bandNames()
                    + "; name them (e.g. gdal_edit.py or interpolate's output) to see elements in the table");
        }
        DepositPoints deposits = DepositInputs.inGridCrs(in, raster, warnings);

        ElementSelector selector = new ElementSelector(ElementSelector.Method.parse(in.require("method")),
                in.number("threshold").getAsDouble(), labelling(in), svm(in));
        int repeats = in.integer("repeats");
        ElementSelector.Repeated repeated = selector.selectRepeatedly(raster, in.strings("elements"), deposits,
                repeats, context.progress().slice(0.05, 0.95), context.cancellation());
        ElementSelection selection = repeated.first();
        SelectionStability stability = repeats > 1 ? repeated.stability() : null;
        selection.warnings().forEach(warnings::add);

        Map<String, Object> outputs = new LinkedHashMap<>();
        OutputFiles.write(context, "selection", outputs, file -> writeCsv(file, selection, stability));
        OutputFiles.write(context, "selectionJson", outputs, file -> writeJson(file, selection, stability,
                warnings));
        OutputFiles.write(context, "roc", outputs, file -> rocChart(selection).writePng(file));
        outputs.put("selected", String.join(",", stability == null ? selection.selected() : stability.selected()));
        context.progress().progress(1, "done");
        return new ProcessResult(outputs, warnings.list());
    }

    private static LabellingParameters labelling(ProcessInputs in) {
        LabellingParameters.Builder b = LabellingParameters.builder()
                .optPositiveBuffer(in.integer("positiveBuffer"))
                .optExclusionBuffer(in.integer("buffer"))
                .optSeed(in.integer("seed"));
        if (in.given("negatives")) {
            b.optNegatives(in.integer("negatives"));
        }
        return b.build();
    }

    private static SvmParameters svm(ProcessInputs in) {
        return SvmParameters.builder().optSigma(in.number("svmSigma").getAsDouble())
                .optC(in.number("svmC").getAsDouble()).optFolds(in.integer("folds")).optSeed(in.integer("seed"))
                .build();
    }

    /** With stability: the selected column is the draws' majority, and the spread columns follow. */
    private static void writeCsv(Path file, ElementSelection selection, SelectionStability stability)
            throws IOException {
        StringBuilder csv = new StringBuilder("element,unit,n_ore,n_no_ore,auc,auc_svm,auc_rank,sigma,zauc,p_value,"
                + "selected,note" + (stability == null ? "" : ",selection_frequency,auc_mean,auc_sd,auc_min,auc_max")
                + "\n");
        List<String> stable = stability == null ? null : stability.selected();
        for (int i = 0; i < selection.elements().size(); i++) {
            ElementResult r = selection.elements().get(i);
            AucSignificance z = r.significance().orElse(null);
            csv.append(String.join(",", OutputFiles.csvField(r.element()), OutputFiles.csvField(r.unit()),
                    Integer.toString(selection.locations().positives().length),
                    Integer.toString(selection.locations().negatives().length),
                    z == null ? "" : number(z.auc()), number(r.svmAuc()), number(r.rankAuc()),
                    z == null ? "" : number(z.sigma()), z == null ? "" : number(z.zauc()),
                    z == null ? "" : number(z.pValue()), Boolean.toString(stable == null ? r.selected()
                            : stable.contains(r.element())), OutputFiles.csvField(r.note())));
            if (stability != null) {
                SelectionStability.ElementStability s = stability.elements().get(i);
                csv.append(',').append(String.join(",", number(stability.frequency(s)), number(s.aucMean()),
                        number(s.aucSd()), number(s.aucMin()), number(s.aucMax())));
            }
            csv.append('\n');
        }
        AtomicFile.write(file, temp -> Files.writeString(temp, csv, StandardCharsets.UTF_8));
    }

    private static void writeJson(Path file, ElementSelection selection, SelectionStability stability,
                                  Warnings warnings) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("method", selection.method().name().toLowerCase(Locale.ROOT));
        root.put("threshold", selection.threshold());
        root.put("n_ore", selection.locations().positives().length);
        root.put("n_no_ore", selection.locations().negatives().length);
        ArrayNode rows = root.putArray("elements");
        for (ElementResult r : selection.elements()) {
            ObjectNode row = rows.addObject();
            row.put("element", r.element());
            row.put("unit", r.unit());
            r.significance().ifPresent(z -> {
                row.put("auc", z.auc());
                row.put("sigma", z.sigma());
                putNumber(row, "zauc", z.zauc());
                row.put("p_value", z.pValue());
            });
            r.svmAuc().ifPresent(v -> row.put("auc_svm", v));
            r.rankAuc().ifPresent(v -> row.put("auc_rank", v));
            row.put("selected", r.selected());
            if (!r.note().isEmpty()) {
                row.put("note", r.note());
            }
        }
        if (stability != null) {
            ObjectNode repeats = root.putObject("repeats");
            repeats.put("draws", stability.draws());
            repeats.put("rule", "selected in at least half of the draws; the top-level elements are the first draw's");
            ArrayNode perElement = repeats.putArray("elements");
            for (SelectionStability.ElementStability s : stability.elements()) {
                ObjectNode row = perElement.addObject();
                row.put("element", s.element());
                row.put("selected_in", s.selectedIn());
                row.put("selection_frequency", stability.frequency(s));
                if (s.scoredIn() > 0) {
                    row.put("auc_mean", s.aucMean());
                    row.put("auc_sd", s.aucSd());
                    row.put("auc_min", s.aucMin());
                    row.put("auc_max", s.aucMax());
                }
            }
        }
        ArrayNode selected = root.putArray("selected");
        (stability == null ? selection.selected() : stability.selected()).forEach(selected::add);
        ArrayNode w = root.putArray("warnings");
        warnings.list().forEach(w::add);
        AtomicFile.write(file, temp -> mapper.writeValue(temp.toFile(), root));
    }

    /** JSON has no infinity: a perfect AUC's ZAUC is written as the string "Infinity". */
    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, Double.toString(v));
        }
    }

    private static RocChart rocChart(ElementSelection selection) {
        List<RocChart.Curve> curves = new ArrayList<>();
        for (ElementResult r : selection.elements()) {
            if (!r.roc().isDefined()) {
                continue;
            }
            List<RocPoint> points = r.roc().points();
            double[] fpr = points.stream().mapToDouble(RocPoint::fpr).toArray();
            double[] tpr = points.stream().mapToDouble(RocPoint::tpr).toArray();
            curves.add(new RocChart.Curve(r.element(), fpr, tpr, r.roc().auc().getAsDouble(), r.selected()));
        }
        String title = String.format(Locale.ROOT, "ROC per element (%s AUC; selected: ZAUC > %s), %d ore / %d no-ore",
                selection.method().name().toLowerCase(Locale.ROOT), selection.threshold(),
                selection.locations().positives().length, selection.locations().negatives().length);
        return new RocChart(title, curves);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v);
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }
}
