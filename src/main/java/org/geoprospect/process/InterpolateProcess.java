package org.geoprospect.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.Extent;
import org.geoprospect.grid.GeoTiffWriter;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Normalization;
import org.geoprospect.grid.Raster;
import org.geoprospect.interpolate.HullMask;
import org.geoprospect.interpolate.IdwInterpolator;
import org.geoprospect.interpolate.IdwParameters;
import org.geoprospect.interpolate.InterpolationMemory;
import org.geoprospect.interpolate.Normalizer;
import org.geoprospect.samples.ElementColumn;
import org.geoprospect.samples.PointLayerOptions;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;
import org.geoprospect.samples.SampleSet;
import org.geoprospect.samples.SampleSetBuilder;
import org.geoprospect.samples.ValuePolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code interpolate} process: samples → IDW element grids → per-element normalisation → GeoTIFF.
 * Inputs and outputs as described in {@code wps-processes.xml}.
 */
public final class InterpolateProcess implements GeoProcess {
    public static final String ID = "interpolate";

    @Override
    public ProcessDescription description() {
        return ProcessDescriptions.get(ID);
    }

    @Override
    public ProcessResult execute(ProcessInputs in, ProcessContext context) {
        Warnings warnings = new Warnings();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        var progress = context.progress();
        progress.progress(0, "reading samples");
        PointLayerOptions options = PointLayerInputs.options(in);
        PointTable table = PointLayers.read(in.path("samples"), options, warnings);
        SampleSet samples = new SampleSetBuilder(valuePolicy(in)).build(table, in.strings("elements"), warnings);
        context.cancellation().check();
        t0 = lap(seconds, "read", t0);

        Crs gridCrs = in.string("gridCrs").map(Crs::parse).orElse(samples.crs());
        if (gridCrs.epsgCode().isEmpty()) {
            throw new InvalidInputException("gridCrs", "the samples' CRS (" + gridCrs.name() + ") has no EPSG code; "
                    + "give the output grid's CRS as 'gridCrs' (e.g. EPSG:32650)");
        }
        if (gridCrs.isGeographic()) {
            warnings.add("the grid CRS " + gridCrs.id() + " is geographic: cell size and distances are in degrees, "
                    + "so IDW weights are distorted away from the equator; a projected CRS is better");
        }
        SampleSet projected = samples.transformTo(gridCrs, warnings);
        GridGeometry grid = gridGeometry(in, gridCrs, projected);
        if (!in.given("extent") && (grid.width() == 1 || grid.height() == 1)) {
            warnings.add("the samples span no area in one direction (all at one location or on one line): the grid "
                    + "is " + grid.width() + " × " + grid.height() + " cells; give 'extent' for a larger one");
        }
        warnIfNoSampleInside(grid, projected, warnings);

        IdwParameters idw = idwParameters(in);
        InterpolationMemory.check(grid, projected.elements().size(), in.number("maskBuffer").isPresent());
        boolean[] inside = in.number("maskBuffer").isPresent()
                ? HullMask.inside(projected.x(), projected.y(), in.number("maskBuffer").getAsDouble(), grid) : null;
        double[][] values = projected.elements().stream().map(ElementColumn::values).toArray(double[][]::new);
        progress.progress(0.05, "interpolating " + values.length + " element(s) onto " + grid.width() + " × "
                + grid.height() + " cells");
        float[][] grids = new IdwInterpolator(idw).interpolate(projected.x(), projected.y(), values, grid, inside,
                progress.slice(0.05, 0.9), context.cancellation());
        t0 = lap(seconds, "interpolate", t0);

        progress.progress(0.9, "normalising");
        Normalizer normalizer = new Normalizer(in.require("normalize"), in.bool("log"));
        List<Band> bands = new ArrayList<>();
        for (int e = 0; e < grids.length; e++) {
            ElementColumn column = projected.elements().get(e);
            Normalization stats = normalizer.apply(column.element(), grids[e], warnings);
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("element", column.element());
            metadata.put("column", column.column());
            metadata.put("unit", column.unit());
            metadata.put("samples", Integer.toString(column.count()));
            metadata.putAll(stats.toMetadata());
            bands.add(new Band(column.element(), metadata, grids[e]));
        }
        Raster raster = new Raster(grid, bands, datasetMetadata(in, idw, table));
        context.cancellation().check();
        t0 = lap(seconds, "normalize", t0);

        progress.progress(0.93, "writing GeoTIFF");
        Map<String, Object> outputs = new LinkedHashMap<>();
        Path tif = context.outputTarget().apply("grid");
        new GeoTiffWriter().write(raster, tif);
        lap(seconds, "write", t0);
        outputs.put("grid", tif);
        Path report = context.outputTarget().apply("report");
        if (report != null) {
            writeReport(report, raster, seconds, warnings);
            outputs.put("report", report);
        }
        progress.progress(1, "done");
        return new ProcessResult(outputs, warnings.list());
    }

    private static ValuePolicy valuePolicy(ProcessInputs in) {
        Set<String> missing = new HashSet<>(ValuePolicy.DEFAULT.missingTokens());
        if (in.given("missing")) {
            missing.addAll(in.strings("missing"));
        }
        return new ValuePolicy(missing, ValuePolicy.parseBelowDetection(in.require("belowDetection")), true);
    }

    private static IdwParameters idwParameters(ProcessInputs in) {
        IdwParameters.Builder b = IdwParameters.builder()
                .optPower(in.number("power").getAsDouble())
                .optNeighbours(in.integer("neighbours"))
                .optMinPoints(in.integer("minPoints"));
        in.number("radius").ifPresent(b::optRadius);
        return b.build();
    }

    private static GridGeometry gridGeometry(ProcessInputs in, Crs crs, SampleSet samples) {
        Extent extent = in.string("extent").map(Extent::parse).orElseGet(() -> Extent.of(samples.x(), samples.y()));
        if (in.given("cellSize")) { // or size: the description makes them one of
            return GridGeometry.covering(crs, extent, in.number("cellSize").getAsDouble());
        }
        String size = in.require("size");
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                if (extent.width() == 0 || extent.height() == 0) {
                    throw new InvalidInputException("extent", "the extent has no area; give 'extent'");
                }
                return GridGeometry.ofSize(crs, extent, Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("size", "size '" + size + "' must be WIDTHxHEIGHT in cells, e.g. 3072x3072");
    }

    private static void warnIfNoSampleInside(GridGeometry grid, SampleSet samples, Warnings warnings) {
        Extent e = grid.extent();
        int inside = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (e.contains(samples.x()[i], samples.y()[i])) {
                inside++;
            }
        }
        if (inside == 0) {
            warnings.add("no sample lies inside the grid extent; every cell is extrapolated");
        }
    }

    private static Map<String, String> datasetMetadata(ProcessInputs in, IdwParameters idw, PointTable table) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("software", "geoprospect interpolate");
        m.put("source", table.source());
        m.put("source_crs", table.crs().id());
        m.put("idw_power", Double.toString(idw.power()));
        m.put("idw_neighbours", Integer.toString(idw.neighbours()));
        m.put("idw_radius", Double.toString(idw.radius()));
        m.put("idw_min_points", Integer.toString(idw.minPoints()));
        in.string("maskBuffer").ifPresent(b -> m.put("mask_buffer", b));
        m.put("below_detection", in.require("belowDetection"));
        return m;
    }

    /** Records the seconds since {@code start} under {@code step}; returns now. */
    private static long lap(Map<String, Double> seconds, String step, long start) {
        long now = System.nanoTime();
        seconds.put(step, (now - start) / 1e9);
        return now;
    }

    private static void writeReport(Path file, Raster raster, Map<String, Double> seconds, Warnings warnings) {
        Map<String, Object> report = new LinkedHashMap<>();
        GridGeometry g = raster.grid();
        report.put("crs", g.crs().id());
        report.put("width", g.width());
        report.put("height", g.height());
        report.put("geoTransform", g.geoTransform());
        List<Map<String, String>> bands = new ArrayList<>();
        for (Band b : raster.bands()) {
            bands.add(b.metadata());
        }
        report.put("bands", bands);
        report.put("metadata", raster.metadata());
        report.put("seconds", seconds);
        report.put("warnings", warnings.list());
        try {
            AtomicFile.write(file, temp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(temp.toFile(), report));
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
