package org.geoprospect.cli;

import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.grid.Raster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The command line as a user meets it: options from wps-processes.xml, exit codes, messages. */
class MainTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void interpolatesTheDemoSurveyWithEveryContractOption() throws IOException {
        Path out = dir.resolve("sub/grid.tif");
        Run r = run("interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650",
                "--elements", "Au,Cu", "--grid-crs", "EPSG:32650", "--cell-size", "500",
                "--extent", "400000,2500000,430000,2530000", "--power", "2", "--neighbours", "8",
                "--radius", "5000", "--normalize", "minmax", "--log", "--out", out.toString(),
                "--report", dir.resolve("r.json").toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.err().contains("100%"), "progress is shown: " + r.err());
        Raster raster = new GeoTiffReader().read(out);
        assertEquals(List.of("Au", "Cu"), raster.bandNames());
        assertEquals(60, raster.grid().width());
        assertEquals("minmax", raster.bands().get(0).metadata().get("normalize"));
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"warnings\""));
    }

    @Test
    void everyInputOfTheDescriptionIsAnOption() {
        Run r = run("interpolate", "--help");
        assertEquals(Main.OK, r.status());
        for (String option : List.of("--samples", "--layer", "--x-field", "--y-field", "--crs", "--elements",
                "--grid-crs", "--cell-size", "--size", "--extent", "--power", "--neighbours", "--radius",
                "--normalize", "--log", "--out")) {
            assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
        }
    }

    /** Runs interpolate on a CSV with the given text and options; expects bad input and returns the message. */
    private String refused(String csvText, String... options) throws IOException {
        Path f = csv("s.csv", csvText);
        List<String> args = new java.util.ArrayList<>(List.of("interpolate", "--samples", f.toString(),
                "--cell-size", "1", "--out", dir.resolve("o.tif").toString()));
        args.addAll(List.of(options));
        Run r = run(args.toArray(String[]::new));
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertFalse(Files.exists(dir.resolve("o.tif")), "no output after bad input");
        return r.err();
    }

    @Test
    void unknownElementNamesTheElementAndTheColumns() throws IOException {
        String err = refused("x,y,Cu_ppm\n1000,1000,5\n2000,2000,6\n", "--crs", "EPSG:3067", "--elements", "Au");
        assertTrue(err.contains("'Au'") && err.contains("Cu_ppm"), err);
    }

    @Test
    void fileWithoutCoordinatesIsRefused() throws IOException {
        String err = refused("id,Cu\n1,5\n", "--elements", "Cu");
        assertTrue(err.contains("no coordinate columns") && err.contains("s.csv"), err);
    }

    @Test
    void unknownCrsIsRefused() throws IOException {
        String err = refused("x,y,Cu\n1,1,5\n2,2,6\n", "--crs", "EPSG:999999", "--elements", "Cu");
        assertTrue(err.contains("EPSG:999999"), err);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        String err = refused("", "--elements", "Cu");
        assertTrue(err.contains("empty"), err);
    }

    @Test
    void elementWithAllValuesMissingIsRefused() throws IOException {
        String err = refused("x,y,Cu,Au\n1000,1000,5,\n2000,2000,6,NA\n3000,1000,7,-9999\n", "--crs", "EPSG:3067",
                "--elements", "Cu,Au");
        assertTrue(err.contains("Au") && err.contains("no value"), err);
    }

    @Test
    void nonNumericValueNamesFileLineAndColumn() throws IOException {
        String err = refused("x,y,Cu\n1000,1000,5\n2000,2000,lots\n", "--crs", "EPSG:3067", "--elements", "Cu");
        assertTrue(err.contains("s.csv, line 3, column Cu"), err);
    }

    @Test
    void errorsNameTheCommandLinesOptionsNotTheEnginesInputs() throws IOException {
        Path f = csv("nocrs.csv", "x,y,Cu\n1000,1000,5\n2000,2000,6\n");
        Run range = run("interpolate", "--samples", f.toString(), "--crs", "EPSG:3067", "--elements", "Cu",
                "--cell-size", "-100", "--out", dir.resolve("r.tif").toString());
        assertEquals(Main.BAD_INPUT, range.status());
        assertTrue(range.err().contains("--cell-size: -100 is outside the allowed range"), range.err());
        assertFalse(range.err().contains("cellSize"), range.err());
        Run noCrs = run("interpolate", "--samples", f.toString(), "--elements", "Cu", "--cell-size", "1",
                "--out", dir.resolve("n.tif").toString());
        assertEquals(Main.BAD_INPUT, noCrs.status());
        assertTrue(noCrs.err().contains("give it as --crs (e.g. EPSG:3067)"), noCrs.err());
    }

    @Test
    void cellSizeAndSizeAreExclusiveAndOneIsNeeded() throws IOException {
        String both = refused("x,y,Cu\n1000,1000,5\n2000,2000,6\n", "--crs", "EPSG:3067", "--elements", "Cu", "--size", "4x4");
        assertTrue(both.contains("--cell-size and --size exclude each other"), both);
        Path f = csv("t.csv", "x,y,Cu\n1000,1000,5\n2000,2000,6\n");
        Run none = run("interpolate", "--samples", f.toString(), "--crs", "EPSG:3067", "--elements", "Cu",
                "--out", dir.resolve("o.tif").toString());
        assertEquals(Main.BAD_INPUT, none.status());
        assertTrue(none.err().contains("needs one of the inputs [--cell-size, --size]"), none.err());
    }

    @Test
    void samplesAtOneLocationNeedAnExtent() throws IOException {
        String err = refused("x,y,Cu\n500,700,5\n500,700,6\n", "--crs", "EPSG:3067", "--elements", "Cu");
        assertTrue(err.contains("one location (500.0, 700.0)") && err.contains("extent"), err);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // it once searched forever
    void samplesAtOneLocationFillAGivenExtent() throws IOException {
        Path f = csv("one.csv", "x,y,Cu\n500,700,5\n");
        Path out = dir.resolve("one.tif");
        Run r = run("interpolate", "--samples", f.toString(), "--crs", "EPSG:3067", "--elements", "Cu",
                "--cell-size", "100", "--extent", "0,0,1000,1000", "--normalize", "none", "--out", out.toString());
        assertEquals(Main.OK, r.status(), r.err());
        Raster raster = new GeoTiffReader().read(out);
        assertEquals(100, raster.grid().cellCount());
        for (float v : raster.bands().get(0).data()) {
            assertEquals(5f, v);
        }
    }

    @Test
    void aGridTooLargeForTheHeapIsRefusedBeforeInterpolating() throws IOException {
        // 1 m cells over 23 km: 529 million cells, 8.5 GB for four bands (the tests' heap is 4 GB)
        String err = refused("x,y,Cu,Ni,Co,Zn\n100,100,5,1,2,3\n22900,22900,6,1,2,3\n", "--crs", "EPSG:3067",
                "--elements", "Cu,Ni,Co,Zn", "--extent", "0,0,23000,23000");
        assertTrue(err.contains("cellSize 1.0 gives 23000 × 23000 = 529000000 cells")
                && err.contains("need 8464000000 bytes") && err.contains("the Java heap has"), err);
    }

    @Test
    void versionIsTheBuildsVersion() {
        Run r = run("--version");
        assertEquals(Main.OK, r.status());
        assertTrue(r.out().strip().matches("geoprospect \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    }

    @Test
    void serveOnAPortInUseSaysSoInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = run("serve", "--port", Integer.toString(taken.getLocalPort()), "--data",
                    dir.resolve("data").toString());
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertEquals("error: port " + taken.getLocalPort() + " is already in use; stop what listens there or "
                    + "choose another with --port", r.err().strip());
        }
    }

    @Test
    void serveOnAnAddressOfAnotherMachineSaysSoInOneLine() {
        // 203.0.113.0/24 is for documentation (RFC 5737): never an address of this machine
        Run r = run("serve", "--host", "203.0.113.1", "--port", "0", "--data", dir.resolve("data").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("error: host 203.0.113.1 is not an address of this machine; choose one of its addresses with "
                + "--host (0.0.0.0 for every interface)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("data")), "nothing started");
    }

    @Test
    void selectElementsTakesTheContractOptionsAndWritesItsThreeFiles() throws IOException {
        Path grid = dir.resolve("g.tif");
        Run i = run("interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650",
                "--elements", "Au,Mo,Mn", "--cell-size", "300", "--log", "--out", grid.toString());
        assertEquals(Main.OK, i.status(), i.err());
        Path out = dir.resolve("sel");
        Run r = run("selectElements", "--grid", grid.toString(), "--deposits", "test-data/deposits.csv",
                "--crs", "EPSG:32650", "--threshold", "2.58", "--method", "svm", "--negatives", "60",
                "--buffer", "5", "--seed", "3", "--out", out.toString());
        assertEquals(Main.OK, r.status(), r.err());
        for (String f : List.of("selection.csv", "selection.json", "roc.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("selected: "), r.out());
        assertTrue(Files.readAllLines(out.resolve("selection.csv")).get(1).startsWith("Au,ppb,30,60,"));
    }

    @Test
    void trainModelAndPredictTargetsTakeTheContractOptions() throws IOException {
        Path grid = dir.resolve("g.tif");
        assertEquals(Main.OK, run("interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650",
                "--elements", "Au,Mo,Sb", "--cell-size", "200", "--log", "--out", grid.toString()).status());
        Run r = run("trainModel", "--grid", grid.toString(), "--deposits", "test-data/deposits.csv",
                "--crs", "EPSG:32650", "--elements", "Au,Mo,Sb", "--preset", "cpu", "--network", "small",
                "--patch", "16", "--epochs", "2", "--batch", "16", "--lr", "0.01", "--folds", "2", "--seed", "5",
                "--store", dir.resolve("store").toString(), "--name", "demo");
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("modelId: demo-v1"), r.out());
        assertTrue(r.out().contains("validation: AUC ") && r.out().contains("fold 2"), r.out());
        assertTrue(Files.exists(dir.resolve("store/demo-v1/manifest.json")));
        // the baselines' table, printed after the outputs: header, one row per fold and the means, columns aligned
        List<String> table = r.out().lines().dropWhile(l -> !l.startsWith("fold ")).toList();
        assertEquals(4, table.size(), r.out());
        assertTrue(table.get(0).matches("fold +validation_patches +model +model_auc +best_element .*forest_auc"),
                table.get(0));
        assertTrue(table.get(1).matches("\\s*1 +\\d+ +small +0\\.\\d{4} +\\w+ +[-+] +0\\.\\d{4} .*"), table.get(1));
        assertTrue(table.get(3).startsWith("mean"), table.get(3));
        java.util.regex.Matcher auc = java.util.regex.Pattern.compile("small +(0\\.\\d{4})").matcher(table.get(1));
        assertTrue(auc.find(), table.get(1));
        assertEquals(table.get(0).indexOf("model_auc") + "model_auc".length(), auc.end(1),
                "numbers right-aligned under their header");

        Path tiles = dir.resolve("tiles");
        r = run("predictTargets", "--grid", grid.toString(), "--model", "demo-v1", "--store",
                dir.resolve("store").toString(), "--tiles", "6x6", "--threshold", "0.6", "--deposits",
                "test-data/deposits.csv", "--crs", "EPSG:32650", "--out", tiles.toString());
        assertEquals(Main.OK, r.status(), r.err());
        for (String f : List.of("targets.gpkg", "targets.geojson", "targets.csv", "probability.tif", "metrics.json",
                "confusion.png", "success-rate.png", "map.png")) {
            assertTrue(Files.size(tiles.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("summary: ") && r.out().contains("probability ≥ 0.600"), r.out());
        Path dense = dir.resolve("dense");
        r = run("predictTargets", "--grid", grid.toString(), "--model", "demo-v1", "--store",
                dir.resolve("store").toString(), "--stride", "8", "--top-area", "0.1", "--out", dense.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(Files.size(dense.resolve("targets.gpkg")) > 0);
        assertFalse(Files.exists(dense.resolve("confusion.png")), "no deposits, no evaluation");
        r = run("predictTargets", "--grid", grid.toString(), "--model", "demo-v1", "--store",
                dir.resolve("store").toString(), "--tiles", "12", "--out", dense.toString());
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("ROWSxCOLUMNS"), r.err());
    }

    @Tag("slow") // the whole demo
    @Test
    void demoRunsTheFourStepsOnTheBundledSurveyAndSaysWhereTheOutputsAre() throws IOException {
        Path out = dir.resolve("demo");
        Run r = run("demo", "--out", out.toString(), "--epochs", "3");
        assertEquals(Main.OK, r.status(), r.err());
        for (String step : List.of("1/4 interpolate", "2/4 selectElements", "3/4 trainModel", "4/4 predictTargets")) {
            assertTrue(r.err().contains(step), step);
        }
        assertTrue(r.out().contains("modelId: demo-v1") && r.out().contains("summary: "), r.out());
        for (String f : List.of("grid.tif", "selection/selection.csv", "models/demo-v1/manifest.json",
                "targets/targets.gpkg", "targets/probability.tif", "targets/metrics.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("open " + out.resolve("targets/targets.gpkg")), r.out());
    }

    @Test
    void outputLocationsOfTheWrongKindAreRefusedBeforeAnyWork() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[] interpolate = {"interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650",
                "--elements", "Au", "--cell-size", "500"};
        Map<List<String>, String> refusals = new LinkedHashMap<>();
        refusals.put(List.of("--out", folder.toString()), "--out: " + folder + " is a folder, not a file");
        refusals.put(List.of("--out", dir.resolve("g.tif").toString(), "--report", folder.toString()),
                "--report: " + folder + " is a folder, not a file");
        refusals.put(List.of("--out", file.resolve("sub/g.tif").toString()),
                "--out: cannot make folder " + file.resolve("sub") + ": " + file + " is a file");
        for (Map.Entry<List<String>, String> e : refusals.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of(interpolate));
            args.addAll(e.getKey());
            Run r = run(args.toArray(String[]::new));
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertEquals("error: " + e.getValue(), r.err().strip(), "refused before interpolating");
        }
        Path noGrid = dir.resolve("none.tif"); // read only by the work: a refusal names the location instead
        Run select = run("selectElements", "--grid", noGrid.toString(), "--deposits", "test-data/deposits.csv",
                "--crs", "EPSG:32650", "--out", file.toString());
        assertEquals("error: --out: " + file + " is a file, not a folder", select.err().strip());
        Run train = run("trainModel", "--grid", noGrid.toString(), "--deposits", "test-data/deposits.csv",
                "--crs", "EPSG:32650", "--elements", "Au", "--store", file.toString(), "--name", "m");
        assertEquals(Main.BAD_INPUT, train.status(), train.err());
        assertEquals("error: --store: " + file + " is a file, not a folder", train.err().strip());
        Run demo = run("demo", "--out", file.toString());
        assertEquals(Main.BAD_INPUT, demo.status(), demo.err());
        assertEquals("error: --out: " + file + " is a file, not a folder", demo.err().strip());
    }

    @Test
    void aFolderThatCannotBeWrittenInIsRefusedBeforeAnyWork() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "this user may write anywhere (root)");
            Run r = run("interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650", "--elements",
                    "Au", "--cell-size", "500", "--out", locked.resolve("sub/g.tif").toString());
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertEquals("error: --out: cannot make folder " + locked.resolve("sub") + ": no permission to write in "
                    + locked, r.err().strip());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aRefusedCommandLeavesNoEmptyOutputFolder() throws IOException {
        Path empty = csv("empty.csv", "");
        Run r = run("interpolate", "--samples", empty.toString(), "--crs", "EPSG:3067", "--elements", "Cu",
                "--cell-size", "1", "--out", dir.resolve("new/deeper/o.tif").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertFalse(Files.exists(dir.resolve("new")), "the folders made for the output are gone");
    }

    @Test
    void aTemporaryFileThatAKilledRunLeftBesideItsOutputIsDeletedByTheNextRun() throws IOException {
        Path out = dir.resolve("g.tif");
        // as a run killed while writing leaves it: named after its target and its process, which no longer runs
        Path left = Files.writeString(dir.resolve(".g.tif." + Integer.MAX_VALUE + "-" + UUID.randomUUID() + ".tmp"),
                "half a grid");
        Run r = run("interpolate", "--samples", "test-data/samples.csv", "--crs", "EPSG:32650", "--elements", "Au",
                "--cell-size", "1000", "--out", out.toString());
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(Files.size(out) > 0);
        assertFalse(Files.exists(left));
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("interpolate", "--colour", "red");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().contains("--colour"), r.err());
    }
}
