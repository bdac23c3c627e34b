package org.geoprospect.server.web;

import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.GeoTiffWriter;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.geoprospect.predict.Target;
import org.geoprospect.predict.TargetGeoPackage;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web map in a real browser — the system's headless chromium, driven by Selenium through the system's
 * chromedriver (never a downloaded one) — against a real server with four published layers: it lists them, draws the
 * probability raster on the viridis ramp and the targets in their status colours (checked on screenshots), shows a
 * server error's detail, runs {@code interpolate} as an asynchronous job with its progress, and lists the new
 * layer. Skipped where chromium or chromedriver is missing. Screenshots are kept in {@code target/web-test/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow") // a real browser
class WebMapBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SHOTS = Path.of("target", "web-test");
    /** viridis at 0, 1/9, … 1 (matplotlib's table), the server's ramp for probabilities. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6DCD59, 0xB4DE2C, 0xFDE725};
    private static final int KNOWN = 0x1A1A1A;
    private static final int NEW = 0xD55E00;

    /** Held, so that its level stays set (java.util.logging keeps loggers weakly). */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    static Path dir;

    private Server server;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing; skipped");
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is missing; skipped");
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650", false);
        server.layers().publish(Path.of("test-data/deposits.csv"), "deposits", "Deposits", "test", "EPSG:32650",
                false);
        server.layers().publish(probabilityRaster(dir.resolve("probability.tif")), "probability",
                "Ore probability", "test", null, false);
        server.layers().publish(targets(dir.resolve("targets.gpkg")), "targets", "Targets", "test", null, false);
        Files.createDirectories(SHOTS);
        browser = chromium(Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * The system's browser and driver, named explicitly so that Selenium Manager has nothing to look for (it would
     * otherwise try to download a matching browser); no network, sync or update traffic of its own.
     */
    private static ChromeDriver chromium(Path profile) {
        // Selenium warns that it bundles no DevTools bindings for this chromium; the test uses WebDriver only
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(service, options);
    }

    @Test
    @Order(1)
    void drawsTheTickedLayersOnTheMap() throws Exception {
        open("web/index.html");
        waitForLayers(4);
        assertEquals(List.of("deposits", "probability", "samples", "targets"), layerNames());
        WebElement raster = layerItem("probability");
        assertTrue(raster.getText().contains("raster") && raster.getText().contains("EPSG:32650"), raster.getText());
        assertTrue(layerItem("samples").getText().contains("1,500 features"), layerItem("samples").getText());
        assertEquals("/layers/targets/file", layerItem("targets").findElement(By.linkText("Download"))
                .getDomAttribute("href"));
        Colours before = colours(screenshot("layers"));
        assertEquals(0, before.viridis(), "nothing drawn yet");

        layerItem("probability").findElement(By.cssSelector("input[type=checkbox]")).click();
        // full opacity, so that the screenshot holds the ramp's own colours (and the slider is exercised)
        layerItem("probability").findElement(By.cssSelector("input[type=range]")).sendKeys(Keys.END);
        layerItem("targets").findElement(By.cssSelector("input[type=checkbox]")).click();
        layerItem("probability").findElement(By.tagName("button")).click(); // zoom to the layer
        wait(Duration.ofSeconds(30)).until(d -> (Boolean) browser.executeScript(
                "const img = document.querySelector('#map img.leaflet-image-layer');"
                        + "return img !== null && img.complete && img.naturalWidth > 0 && img.style.opacity === '1'"
                        + " && document.querySelectorAll('#map path.target-known, #map path.target-new')"
                        + ".length === 2;"));
        Thread.sleep(500); // the zoom animation
        Colours after = colours(screenshot("map"));
        assertTrue(after.viridis() > 50_000, "the probability raster in viridis colours: " + after);
        assertTrue(after.lowViridis() > 1000 && after.highViridis() > 1000, "low and high probabilities: " + after);
        assertTrue(after.known() > 100, "a known target's dark outline: " + after);
        assertTrue(after.fresh() > 100, "a new target's vermillion outline: " + after);

        browser.findElement(By.cssSelector("#map path.target-known")).click();
        WebElement popup = wait(Duration.ofSeconds(5)).until(d -> {
            WebElement p = d.findElement(By.cssSelector(".leaflet-popup"));
            return "1".equals(p.getCssValue("opacity")) ? p : null; // faded in
        });
        String text = popup.getText();
        for (String expected : List.of("Target 1", "rank", "1", "known", "mean probability", "0.812",
                "max probability", "0.970", "area (km²)", "16.00", "known deposits", "tiles", "7,8,12")) {
            assertTrue(text.contains(expected), expected + " in the popup: " + text);
        }
        screenshot("popup");
        assertNoScriptErrors();
    }

    @Test
    @Order(2)
    void runsAProcessAsAJobAndListsItsLayer() throws Exception {
        open("web/index.html");
        waitForLayers(4);
        new Select(browser.findElement(By.id("process-select"))).selectByValue("interpolate");
        WebElement samples = wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("input-samples")));
        assertEquals(List.of("deposits", "samples", "targets"), new Select(samples).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList(), "vector layers only");
        new Select(samples).selectByValue("samples");
        browser.findElement(By.cssSelector("details.more summary")).click();
        type("input-crs", "EPSG:32650");
        type("input-elements", "Au,Cu");
        type("input-cellSize", "0"); // outside (0, 1e7]: the server says why
        browser.findElement(By.cssSelector("#process-form button[type=submit]")).click();
        WebElement notice = wait(Duration.ofSeconds(20)).until(d -> {
            WebElement n = d.findElement(By.id("notice"));
            return n.isDisplayed() ? n : null;
        });
        assertTrue(notice.getText().contains("cellSize"), "the problem's detail: " + notice.getText());
        screenshot("error");
        browser.findElement(By.id("notice-close")).click();

        type("input-cellSize", "500");
        browser.findElement(By.cssSelector("#process-form button[type=submit]")).click();
        wait(Duration.ofSeconds(120)).until(d -> {
            String status = d.findElement(By.id("job-status")).getText();
            assertTrue(!status.equals("failed"), () -> "the job failed: " + d.findElement(By.id("job-message"))
                    .getText() + " " + d.findElement(By.id("notice")).getText());
            return status.equals("successful");
        });
        assertEquals("100", browser.findElement(By.id("job-progress")).getDomProperty("value"));
        waitForLayers(5);
        String added = layerNames().stream().filter(n -> n.startsWith("interpolate-")).findFirst().orElseThrow();
        assertTrue(layerItem(added).getText().contains("raster") && layerItem(added).getText().contains("NEW"),
                layerItem(added).getText());
        String results = browser.findElement(By.id("job-results")).getText();
        assertTrue(results.contains(added) && results.contains("Element grids"), results);
        String href = browser.findElement(By.cssSelector("#job-results a")).getDomAttribute("href");
        assertTrue(href.contains("/jobs/") && href.contains("/outputs/grid"), href);
        screenshot("job");

        layerItem(added).findElement(By.cssSelector("input[type=checkbox]")).click();
        wait(Duration.ofSeconds(30)).until(d -> (Boolean) browser.executeScript(
                "const img = document.querySelector('#map img.leaflet-image-layer');"
                        + "return img !== null && img.complete && img.naturalWidth > 0;"));
        screenshot("grid");
        assertNoScriptErrors();
    }

    @Test
    @Order(3)
    void theLandingPageIsThePageForBrowsers() throws Exception {
        open("");
        wait(Duration.ofSeconds(30)).until(d -> layerNames().containsAll(List.of("deposits", "probability",
                "samples", "targets")));
        assertEquals("geoprospect — exploration targets", browser.getTitle());
    }

    // ---------------------------------------------------------------- the page

    private void open(String path) {
        browser.get(server.localUri().resolve(path).toString());
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private void waitForLayers(int count) {
        wait(Duration.ofSeconds(30)).until(d -> layerNames().size() == count);
    }

    /** The names in the list, read in one go: the page rebuilds the list when it reloads it. */
    @SuppressWarnings("unchecked")
    private List<String> layerNames() {
        return (List<String>) browser.executeScript("return [...document.querySelectorAll("
                + "'#layer-list li[data-layer]')].map(e => e.dataset.layer);");
    }

    private WebElement layerItem(String name) {
        return browser.findElement(By.cssSelector("#layer-list li[data-layer='" + name + "']"));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void assertNoScriptErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            // the deliberate bad request of the process test is logged by the browser as a failed load
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("status of 400")) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(List.of(), errors, "errors in the browser's console");
    }

    // ---------------------------------------------------------------- screenshots

    private BufferedImage screenshot(String name) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Pixel counts of the map element, outside its controls (the legend repeats the colours looked for). */
    private Colours colours(BufferedImage image) {
        Rectangle map = browser.findElement(By.id("map")).getRect();
        List<Rectangle> controls = browser.findElements(By.cssSelector("#map .leaflet-control")).stream()
                .map(WebElement::getRect).toList();
        int viridis = 0;
        int low = 0;
        int high = 0;
        int known = 0;
        int fresh = 0;
        for (int y = map.y; y < Math.min(image.getHeight(), map.y + map.height); y++) {
            for (int x = map.x; x < Math.min(image.getWidth(), map.x + map.width); x++) {
                int px = x;
                int py = y;
                if (controls.stream().anyMatch(c -> px >= c.x && px < c.x + c.width && py >= c.y
                        && py < c.y + c.height)) {
                    continue;
                }
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                double t = viridisPosition(rgb);
                if (t >= 0) {
                    viridis++;
                    low += t < 0.3 ? 1 : 0;
                    high += t > 0.7 ? 1 : 0;
                }
                known += distance(rgb, KNOWN) <= 12 ? 1 : 0;
                fresh += distance(rgb, NEW) <= 12 ? 1 : 0;
            }
        }
        return new Colours(viridis, low, high, known, fresh);
    }

    /** Counts of pixels: on the viridis ramp, its low and high thirds, the two target outline colours. */
    private record Colours(int viridis, int lowViridis, int highViridis, int known, int fresh) {
    }

    /** @return where on the ramp (0–1) the colour lies, within a small distance, or -1 when it is off the ramp */
    private static double viridisPosition(int rgb) {
        for (int i = 0; i < VIRIDIS.length - 1; i++) {
            for (int step = 0; step <= 16; step++) {
                double f = step / 16.0;
                if (distance(rgb, mix(VIRIDIS[i], VIRIDIS[i + 1], f)) <= 6) {
                    return (i + f) / (VIRIDIS.length - 1);
                }
            }
        }
        return -1;
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return (r << 16) | (g << 8) | bl;
    }

    private static double distance(int a, int b) {
        int dr = ((a >> 16) & 255) - ((b >> 16) & 255);
        int dg = ((a >> 8) & 255) - ((b >> 8) & 255);
        int db = (a & 255) - (b & 255);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    // ---------------------------------------------------------------- test layers

    /**
     * A probability grid over the test data's area (400–430 km E, 2,500–2,530 km N, 250 m cells): a gentle
     * west–east rise and a bump that reaches 1 on the known target, so that the map holds the whole ramp.
     */
    private static Path probabilityRaster(Path file) {
        GridGeometry grid = new GridGeometry(Crs.parse("EPSG:32650"), 400_000, 2_530_000, 250, 250, 120, 120);
        float[] p = new float[grid.width() * grid.height()];
        for (int row = 0; row < grid.height(); row++) {
            for (int column = 0; column < grid.width(); column++) {
                double dx = grid.centreX(column) - 414_000;
                double dy = grid.centreY(row) - 2_514_000;
                double bump = Math.exp(-(dx * dx + dy * dy) / (2 * 5000.0 * 5000.0));
                p[row * grid.width() + column] = (float) Math.min(1, 0.35 * column / (grid.width() - 1) + bump);
            }
        }
        new GeoTiffWriter().write(new Raster(grid, List.of(new Band("probability", Map.of(), p)), Map.of()), file);
        return file;
    }

    /** Two targets: a known one (holding a deposit) on the bump, a new one to the south-east. */
    private static Path targets(Path file) {
        TargetGeoPackage.write(List.of(
                new Target(1, 1, square(412_000, 2_512_000, 4000), List.of(7, 8, 12), 0.8123, 0.97, 0.05, 16, 1, 256),
                new Target(2, 2, square(421_000, 2_503_000, 3000), List.of(), 0.64, 0.71, Double.NaN, 9, 0, 144)),
                Crs.parse("EPSG:32650"), file);
        return file;
    }

    private static Polygon square(double x, double y, double size) {
        return new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(x, y),
                new Coordinate(x + size, y), new Coordinate(x + size, y + size), new Coordinate(x, y + size),
                new Coordinate(x, y)});
    }
}
