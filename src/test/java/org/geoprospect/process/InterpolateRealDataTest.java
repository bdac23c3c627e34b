package org.geoprospect.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.geoprospect.samples.PointLayerOptions;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;
import org.geoprospect.core.Warnings;
import org.geoprospect.testsupport.SharedData;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code interpolate} on the real surveys in ../shared/data, checked against GDAL. Skips when the data is absent. */
class InterpolateRealDataTest {
    @TempDir
    Path dir;

    private ProcessResult run(Map<String, List<String>> inputs, Path tif) {
        InterpolateProcess p = new InterpolateProcess();
        return p.execute(ProcessInputs.of(p.description(), inputs),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(), id -> id.equals("grid") ? tif : null));
    }

    @Test
    void kolariAgreesWithGdalGridInvdistnn() throws Exception {
        Path gpkg = SharedData.require("kolari/till_geochemistry.gpkg");
        Tool.require("gdal_grid");
        Path ours = dir.resolve("kolari.tif");
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("samples", List.of(gpkg.toString()));
        in.put("elements", List.of("Cu,Ni,Co,Zn"));
        in.put("cellSize", List.of("500"));
        in.put("radius", List.of("15000"));
        in.put("normalize", List.of("none"));
        // GDAL reads the numbers as they are; our default would halve the values flagged '<'
        in.put("belowDetection", List.of("limit"));
        run(in, ours);

        JsonNode info = new ObjectMapper().readTree(Tool.run("", "gdalinfo", "-json", ours.toString()));
        assertTrue(info.at("/coordinateSystem/wkt").asText().contains("ID[\"EPSG\",3067]"));
        List<String> names = new ArrayList<>();
        info.get("bands").forEach(b -> names.add(b.get("description").asText()));
        assertEquals(List.of("Cu", "Ni", "Co", "Zn"), names);

        Raster raster = new GeoTiffReader().read(ours);
        GridGeometry g = raster.grid();
        String[] columns = {"Cu_ppm_511", "Ni_ppm_511", "Co_ppm_511", "Zn_ppm_511"};
        for (int b = 0; b < columns.length; b++) {
            Path ref = dir.resolve("gdal_" + columns[b] + ".tif");
            String flag = columns[b].substring(0, 2) + "_511P_T";
            Tool.run("", "gdal_grid", "-q", "-zfield", columns[b],
                    // "<" with a limit of 0 is no value for us (nothing to substitute): leave it out for GDAL too
                    "-where", columns[b] + " <> 0 OR " + flag + " IS NULL OR " + flag + " <> '<'",
                    "-a", "invdistnn:power=2.0:max_points=12:radius=15000:min_points=1:nodata=-9999",
                    "-txe", Double.toString(g.minX()), Double.toString(g.maxX()),
                    "-tye", Double.toString(g.maxY()), Double.toString(g.minY()),
                    "-outsize", Integer.toString(g.width()), Integer.toString(g.height()),
                    "-ot", "Float32", "-of", "GTiff", gpkg.toString(), ref.toString());
            float[] expected = new GeoTiffReader().read(ref).bands().get(0).data();
            float[] actual = raster.bands().get(b).data();
            int compared = 0;
            for (int i = 0; i < actual.length; i++) {
                if (Float.isNaN(actual[i]) || Float.isNaN(expected[i])) {
                    continue;
                }
                compared++;
                double rel = Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]);
                assertTrue(rel <= 1e-4, columns[b] + " cell " + i + ": ours " + actual[i] + ", gdal_grid "
                        + expected[i]);
            }
            assertTrue(compared > actual.length / 2, "too few cells compared: " + compared);
        }
    }

    @Test
    void murchisonLonLatSamplesLandOnTheGoldDepositsInAmgZone50() throws Exception {
        Path csv = SharedData.require("murchison/laterite_samples.csv");
        Path deposits = SharedData.require("murchison/gold_deposits.csv");
        Path tif = dir.resolve("murchison.tif");
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("samples", List.of(csv.toString()));
        in.put("elements", List.of("Au,As"));
        in.put("gridCrs", List.of("EPSG:20350"));
        in.put("cellSize", List.of("1000"));
        in.put("maskBuffer", List.of("5000"));
        in.put("log", List.of("true"));
        ProcessResult result = run(in, tif);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("EPSG:4326")), result.warnings().toString());

        Raster raster = new GeoTiffReader().read(tif);
        assertEquals(Crs.epsg(20350), raster.grid().crs());
        assertEquals(1000, raster.grid().cellWidth());
        PointTable gold = PointLayers.read(deposits, new PointLayerOptions(null, "x", "y", "EPSG:20350"),
                new Warnings());
        int withData = 0;
        for (int i = 0; i < gold.size(); i++) {
            int col = raster.grid().column(gold.x()[i]);
            int row = raster.grid().row(gold.y()[i]);
            assertTrue(col >= 0 && col < raster.grid().width() && row >= 0 && row < raster.grid().height(),
                    "deposit " + gold.where(i) + " is off the grid");
            if (!Float.isNaN(raster.value(0, col, row))) {
                withData++;
            }
        }
        // the Murchison window is sampled: nearly every deposit lies within 5 km of the samples' hull
        assertTrue(withData >= 0.95 * gold.size(), withData + " of " + gold.size() + " deposits on data");
        // z-scores of log10 Au over the grid: mean 0, sd 1
        float[] au = raster.bands().get(0).data();
        double[] v = new double[au.length];
        int n = 0;
        for (float f : au) {
            if (!Float.isNaN(f)) {
                v[n++] = f;
            }
        }
        double mean = Arrays.stream(v, 0, n).average().orElseThrow();
        assertEquals(0, mean, 1e-4);
        assertEquals("true", raster.bands().get(0).metadata().get("log10"));
        assertEquals("ppb", raster.bands().get(0).metadata().get("unit"));
    }
}
