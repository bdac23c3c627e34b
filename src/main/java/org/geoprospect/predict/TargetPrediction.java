package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.core.Warnings;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.LabellingParameters;
import org.geoprospect.grid.Raster;
import org.geoprospect.learn.CachedModel;
import org.geoprospect.learn.ModelCompatibility;
import org.geoprospect.learn.ModelLibrary;
import org.geoprospect.learn.ModelManifest;
import org.geoprospect.learn.PatchSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 from a stored model and element grids to targets: the model taken from the shared cache (loaded once
 * however often it predicts), checked against the grids (elements, cell size, CRS, normalisation), run over the
 * tiles or a sliding window, the favourable area selected and dissolved into ranked target polygons, and — with
 * known deposits — evaluated. Keeps DJL inside this package: callers get plain values back.
 */
public final class TargetPrediction {
    /** Windows per forward pass: large enough to keep the CPU busy, small enough for ResNet-50 at 224 px. */
    public static final int DEFAULT_BATCH = 16;

    /**
     * @param raster    the element grids (the model's elements among its bands, any order)
     * @param modelId   the model in the library's store
     * @param tiles     the tile protocol ({@code 12x12}), or null for dense prediction
     * @param stride    the sliding window's stride in cells, for dense prediction
     * @param rule      which cells become targets
     * @param flips     whether to average over flipped windows (test-time augmentation) and report the spread
     * @param batchSize windows per forward pass
     * @param deposits  known deposits in the raster's CRS, or null: then no evaluation and every target is new
     * @param polygons  how targets are dissolved, simplified and filtered
     * @param labelling how dense prediction's evaluation samples no-ore cells
     */
    public record Request(Raster raster, String modelId, String tiles, int stride, SelectionRule rule, boolean flips,
                          int batchSize, DepositPoints deposits, TargetPolygons polygons,
                          LabellingParameters labelling) {
    }

    /**
     * @param manifest    the model's manifest
     * @param probability the probability raster: band {@code probability}, {@code spread} with flips, and
     *                    {@code prob_sd} with several members
     * @param tiles       the tile layout, or null for dense prediction
     * @param selection   the favourable cells and the cut-off
     * @param targets     the target polygons, rank 1 first
     * @param evaluation  the evaluation, or null without deposits
     * @param windows     network windows scored
     * @param warnings    what happened to the data
     */
    public record Outcome(ModelManifest manifest, Raster probability, TileLayout tiles,
                          SelectionRule.Selection selection, List<Target> targets, PredictionEvaluation evaluation,
                          int windows, List<String> warnings) {
    }

    public Outcome run(Request request, ModelLibrary library, ProgressListener progress, Cancellation cancellation) {
        Warnings warnings = new Warnings();
        Raster raster = request.raster();
        GridGeometry grid = raster.grid();
        ModelManifest manifest = manifest(library, request.modelId());
        int[] order = ModelCompatibility.bandOrder(manifest, raster, warnings);
        List<String> elements = new ArrayList<>();
        for (int band : order) {
            elements.add(raster.bandNames().get(band));
        }
        PatchSource source = PatchSource.of(raster, elements);
        int size = manifest.network().inputSize();
        if (grid.width() < size || grid.height() < size) {
            throw new InvalidInputException("grid", "the grid is " + grid.width() + " × " + grid.height()
                    + " cells, smaller than the model's window of " + size + " × " + size + " cells");
        }
        TileLayout tiles = request.tiles() == null ? null
                : TileLayout.parse(request.tiles(), grid.width(), grid.height());
        if (tiles == null && request.stride() > size) {
            warnings.add("stride " + request.stride() + " is larger than the model's window of " + size
                    + " cells: cells between windows get no probability");
        }
        ProbabilitySurface surface;
        progress.progress(0, "loading model " + request.modelId());
        try (CachedModel model = library.cache().get(request.modelId())) {
            WindowScorer scorer = new WindowScorer(model.model(), source, size, request.flips(),
                    request.batchSize());
            ProgressListener scoring = progress.slice(0.02, 0.9);
            surface = tiles != null
                    ? TilePredictor.predict(scorer, source.noData(), grid.width(), grid.height(), tiles,
                    manifest.inputs().patchSize(), scoring, cancellation)
                    : SlidingWindowPredictor.predict(scorer, source.noData(), grid.width(), grid.height(),
                    request.stride(), scoring, cancellation);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot load model '" + request.modelId() + "': " + e.getMessage(), e);
        }
        cancellation.check();
        progress.progress(0.9, "dissolving targets");
        SelectionRule.Selection selection = request.rule().apply(surface.probability());
        if (selection.studyCells() == 0) {
            throw new InvalidInputException("grid", "no part of the grid has enough data for the model: every "
                    + (tiles != null ? "tile" : "window") + " is more than half without data");
        }
        int[] depositCells = request.deposits() == null ? new int[0]
                : PredictionEvaluation.depositCells(grid, request.deposits(), warnings);
        List<Target> targets = request.polygons().dissolve(grid, selection.cells(), surface.probability(),
                surface.memberSpread(), depositCells, tiles);
        PredictionEvaluation evaluation = null;
        if (request.deposits() != null) {
            progress.progress(0.95, "evaluating against the deposits");
            evaluation = PredictionEvaluation.of(grid, surface, tiles, selection, request.deposits(), depositCells,
                    request.labelling(), warnings);
        }
        progress.progress(1, targets.size() + " targets");
        return new Outcome(manifest, probabilityRaster(grid, surface, manifest, tiles, request), tiles, selection,
                targets, evaluation, surface.windows(), warnings.list());
    }

    private static ModelManifest manifest(ModelLibrary library, String id) {
        try {
            return library.store().manifest(id);
        } catch (IOException e) {
            throw new ExecutionFailedException(e.getMessage(), e);
        }
    }

    private static Raster probabilityRaster(GridGeometry grid, ProbabilitySurface surface, ModelManifest manifest,
                                            TileLayout tiles, Request request) {
        Map<String, String> about = new LinkedHashMap<>();
        about.put("model", manifest.id());
        about.put("protocol", tiles != null ? "tiles " + tiles : "sliding window, stride " + request.stride());
        about.put("flips", Boolean.toString(request.flips()));
        List<Band> bands = new ArrayList<>();
        bands.add(new Band("probability", Map.of("description", "ore probability (calibrated; the mean of the "
                + "model's members)"), surface.probability()));
        if (surface.spread() != null) {
            bands.add(new Band("spread", Map.of("description", "standard deviation of the ore probability over "
                    + "the four flips"), surface.spread()));
        }
        if (surface.memberSpread() != null) {
            bands.add(new Band("prob_sd", Map.of("description", "standard deviation of the ore probability over "
                    + "the model's members, one per spatial fold"), surface.memberSpread()));
        }
        return new Raster(grid, bands, about);
    }
}
