package org.geoprospect.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.GeoTiffWriter;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** selectElements on the synthetic survey, whose ore-related elements are known, and on degenerate grids. */
class SelectElementsProcessTest {
    @TempDir
    static Path shared;

    private static Path demoGrid;

    @BeforeAll
    static void interpolateTheDemoSurvey() {
        demoGrid = shared.resolve("demo.tif");
        InterpolateProcess p = new InterpolateProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("samples", List.of("test-data/samples.csv"));
        in.put("crs", List.of("EPSG:32650"));
        in.put("elements", List.of("Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba,Mn,Zn,W,B,Pb,As,Bi,F"));
        in.put("cellSize", List.of("200"));
        in.put("log", List.of("true"));
        p.execute(ProcessInputs.of(p.description(), in), new ProcessContext(ProgressListener.NONE,
                Cancellation.none(), id -> id.equals("grid") ? demoGrid : null));
    }

    private static ProcessResult select(Path grid, Path deposits, Path out, String... extra) {
        SelectElementsProcess p = new SelectElementsProcess();
        Map<String, List<String>> in = new LinkedHashMap<>();
        in.put("grid", List.of(grid.toString()));
        in.put("deposits", List.of(deposits.toString()));
        in.put("crs", List.of("EPSG:32650"));
        for (int i = 0; i < extra.length; i += 2) {
            in.put(extra[i], List.of(extra[i + 1]));
        }
        ProcessDescription d = p.description();
        return p.execute(ProcessInputs.of(d, in), new ProcessContext(ProgressListener.NONE, Cancellation.none(),
                id -> out.resolve(d.output(id).orElseThrow().fileName())));
    }

    @Test
    void findsTheElementsWhoseHalosTheGeneratorPutAroundDeposits() throws IOException {
        Path out = Files.createDirectories(shared.resolve("demo-selection"));
        ProcessResult r = select(demoGrid, Path.of("test-data/deposits.csv"), out, "buffer", "5", "seed", "7");
        JsonNode truth = new ObjectMapper().readTree(Path.of("test-data/truth.json").toFile());
        List<String> ore = new ArrayList<>();
        truth.get("oreRelatedElements").forEach(e -> ore.add(e.asText()));
        List<String> selected = Arrays.asList(((String) r.outputs().get("selected")).split(","));
        long hits = selected.stream().filter(ore::contains).count();
        long falseAlarms = selected.stream().filter(e -> !ore.contains(e)).count();
        assertTrue(hits >= 6, "selected " + selected + " but the halo elements are " + ore);
        assertTrue(falseAlarms <= 1, "selected " + selected + " but the halo elements are " + ore);

        List<String> csv = Files.readAllLines(out.resolve("selection.csv"));
        assertEquals("element,unit,n_ore,n_no_ore,auc,auc_svm,auc_rank,sigma,zauc,p_value,selected,note",
                csv.get(0));
        assertEquals(17, csv.size());
        JsonNode json = new ObjectMapper().readTree(out.resolve("selection.json").toFile());
        assertEquals(16, json.get("elements").size());
        assertEquals(selected.size(), json.get("selected").size());
        var png = ImageIO.read(out.resolve("roc.png").toFile());
        assertNotNull(png, "roc.png is a readable PNG");
    }

    /** Five draws against five single runs with the draws' seeds: the frequencies and the majority are recounted. */
    @Test
    void repeatedDrawsReportEachElementsSelectionFrequencyAndTheMajority() throws IOException {
        Path out = Files.createDirectories(shared.resolve("repeats"));
        ProcessResult r = select(demoGrid, Path.of("test-data/deposits.csv"), out, "buffer", "5", "seed", "7",
                "repeats", "5", "elements", "Au,Cu,Sn,Mn,Zn,F");
        Map<String, Integer> selectedIn = new LinkedHashMap<>();
        Map<String, List<Double>> aucs = new LinkedHashMap<>();
        for (int seed = 7; seed < 12; seed++) {
            Path single = Files.createDirectories(shared.resolve("single-" + seed));
            ProcessResult one = select(demoGrid, Path.of("test-data/deposits.csv"), single, "buffer", "5", "seed",
                    String.valueOf(seed), "elements", "Au,Cu,Sn,Mn,Zn,F");
            for (String e : ((String) one.outputs().get("selected")).split(",")) {
                selectedIn.merge(e, 1, Integer::sum);
            }
            for (JsonNode row : new ObjectMapper().readTree(single.resolve("selection.json").toFile())
                    .get("elements")) {
                aucs.computeIfAbsent(row.get("element").asText(), k -> new ArrayList<>()).add(row.get("auc")
                        .asDouble());
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("selection.csv"));
        assertTrue(csv.get(0).endsWith(",selected,note,selection_frequency,auc_mean,auc_sd,auc_min,auc_max"));
        List<String> majority = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            int n = selectedIn.getOrDefault(f[0], 0);
            assertEquals(n / 5.0, Double.parseDouble(f[12]), 1e-9, f[0]);
            assertEquals(n >= 3, Boolean.parseBoolean(f[10]), f[0]);
            List<Double> a = aucs.get(f[0]);
            double mean = a.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(mean, Double.parseDouble(f[13]), 1e-5, f[0]);
            assertEquals(a.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), Double.parseDouble(f[15]),
                    1e-5);
            if (n >= 3) {
                majority.add(f[0]);
            }
        }
        assertEquals(String.join(",", majority), r.outputs().get("selected"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("selection.json").toFile());
        assertEquals(5, json.get("repeats").get("draws").asInt());
        assertEquals(majority.size(), json.get("selected").size());
        // the table's AUC columns are the first draw's: the given seed's single run
        assertEquals(aucs.get("Au").get(0), json.get("elements").get(0).get("auc").asDouble(), 1e-12);
    }

    @Test
    void rankMethodReportsTheRankAucOnly() throws IOException {
        Path out = Files.createDirectories(shared.resolve("rank"));
        select(demoGrid, Path.of("test-data/deposits.csv"), out, "method", "rank");
        JsonNode row = new ObjectMapper().readTree(out.resolve("selection.json").toFile()).get("elements").get(0);
        assertEquals(row.get("auc").asDouble(), row.get("auc_rank").asDouble(), 1e-12);
        assertFalse(row.has("auc_svm"));
    }

    /** A 40 × 30 grid, 10 m cells, with an informative band, a constant band and an empty band. */
    private static Path degenerateGrid(boolean named) {
        GridGeometry g = new GridGeometry(Crs.epsg(32650), 400_000, 2_500_300, 10, 10, 40, 30);
        float[] signal = new float[1200];
        float[] constant = new float[1200];
        float[] empty = new float[1200];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1200; i++) {
            signal[i] = (float) r.nextGaussian();
            constant[i] = 5;
            empty[i] = Float.NaN;
        }
        List<Band> bands = List.of(new Band(named ? "Au" : "band1", Map.of(), signal),
                new Band(named ? "Cu" : "band2", Map.of(), constant), new Band(named ? "Zn" : "band3", Map.of(), empty));
        Path file = shared.resolve(named ? "degenerate.tif" : "unnamed.tif");
        new GeoTiffWriter().write(new Raster(g, bands, Map.of()), file);
        return file;
    }

    private static Path deposits(String name, String... xy) throws IOException {
        Path f = shared.resolve(name);
        Files.writeString(f, "x,y\n" + String.join("\n", xy) + "\n");
        return f;
    }

    @Test
    void constantAndEmptyBandsGetAnUndefinedAucNotACrash() throws IOException {
        Path out = Files.createDirectories(shared.resolve("degenerate"));
        Path d = deposits("d.csv", "400055,2500255", "400155,2500155", "400305,2500055", "400205,2500205");
        ProcessResult r = select(degenerateGrid(true), d, out, "folds", "2");
        String csv = Files.readString(out.resolve("selection.csv"));
        assertTrue(csv.contains("Cu,,4,4,,,,,,,false,constant band: AUC undefined"), csv);
        assertTrue(csv.contains("Zn,,4,4,,,,,,,false,no data: AUC undefined"), csv);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("Zn") && w.contains("no data")), r.warnings()
                .toString());
        assertFalse(csv.contains("NaN"), csv);
    }

    @Test
    void fewerThanThreeDepositsIsRefusedWithCounts() throws IOException {
        Path out = Files.createDirectories(shared.resolve("few"));
        Path d = deposits("few.csv", "400055,2500255", "400155,2500155", "999999,2500055");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> select(degenerateGrid(true), d, out));
        assertEquals("deposits", e.input());
        assertTrue(e.getMessage().contains("1 off the grid"), e.getMessage());
    }

    @Test
    void gridWithoutBandNamesIsSaidAndDepositsInAnotherCrsAreTransformed() throws IOException {
        Path out = Files.createDirectories(shared.resolve("unnamed"));
        Path grid = shared.resolve("unnamed-gdal.tif");
        // GDAL-style file without descriptions: our reader names the bands band1, band2, …
        Raster r = new org.geoprospect.grid.GeoTiffReader().read(degenerateGrid(false));
        new GeoTiffWriter().write(r, grid);
        Path lonLat = shared.resolve("ll.csv");
        var t = new org.geoprospect.crs.CoordinateTransform(Crs.epsg(32650), Crs.epsg(4326));
        StringBuilder sb = new StringBuilder("lon,lat\n");
        for (double[] p : new double[][] {{400055, 2500255}, {400155, 2500155}, {400305, 2500055}, {400205, 2500205}}) {
            double[] ll = t.transform(p[0], p[1]);
            sb.append(ll[0]).append(',').append(ll[1]).append('\n');
        }
        Files.writeString(lonLat, sb);
        SelectElementsProcess p = new SelectElementsProcess();
        ProcessDescription desc = p.description();
        ProcessResult result = p.execute(ProcessInputs.of(desc, Map.of("grid", List.of(grid.toString()),
                        "deposits", List.of(lonLat.toString()), "folds", List.of("2"))),
                new ProcessContext(ProgressListener.NONE, Cancellation.none(),
                        id -> out.resolve(desc.output(id).orElseThrow().fileName())));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("transformed from EPSG:4326")),
                result.warnings().toString());
        assertTrue(Files.readString(out.resolve("selection.csv")).contains("band1,,4,4,"));
    }
}
