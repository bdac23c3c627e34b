package org.geoprospect.server.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.evaluate.chart.ProbabilityMap;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Map images of the {@link SyntheticRaster}, whose cell values are known: the colour of a pixel over a cell is the
 * viridis colour of the cell's value, on [0, 1] for the probability band and over the 2nd–98th percentile (12 to
 * 108, worked out by hand) for Cu; pixels off the raster or over no data are transparent.
 */
class MapEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(SyntheticRaster.write(dir.resolve("grid.tif")), "grid", "Grid", "test", null, false);
        server.layers().publish(Path.of("test-data/deposits.csv"), "deposits", "Deposits", "test", "EPSG:32650",
                false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void inItsOwnCrsEachCellHasTheColourOfItsValue() throws Exception {
        // 100 m pixels over the raster and 1 km around it: the pixel (15 + 10c, 15 + 10r) lies in cell (c, r)
        BufferedImage image = map("crs=EPSG:32650&bbox=479000,3499000,485000,3504000&width=60&height=50");
        assertEquals(60, image.getWidth());
        assertEquals(50, image.getHeight());
        for (int r = 0; r < SyntheticRaster.ROWS; r++) {
            for (int c = 0; c < SyntheticRaster.COLUMNS; c++) {
                int argb = image.getRGB(15 + 10 * c, 15 + 10 * r);
                if (r == 2 && c == 3) {
                    assertEquals(0, argb >>> 24, "no data is transparent");
                } else {
                    assertEquals(ProbabilityMap.colour((4 * r + c) / 11.0).getRGB(), argb, "cell " + c + "," + r);
                }
            }
        }
        for (int[] outside : new int[][] {{0, 0}, {59, 49}, {5, 25}, {55, 25}}) {
            assertEquals(0, image.getRGB(outside[0], outside[1]) >>> 24, "off the raster");
        }
        BufferedImage cu = map("crs=EPSG:32650&bbox=479000,3499000,485000,3504000&width=60&height=50&band=Cu");
        // Cu = 10, 20 … 110 over cells 0 … 10; the ramp spans 12 … 108: cell 0 below, cell 5 (60) halfway,
        // cell 10 above
        assertEquals(ProbabilityMap.colour(0).getRGB(), cu.getRGB(15, 15));
        assertEquals(ProbabilityMap.colour(0.5).getRGB(), cu.getRGB(15 + 10, 15 + 10));
        assertEquals(ProbabilityMap.colour((30 - 12) / 96.0).getRGB(), cu.getRGB(15 + 20, 15));
        assertEquals(ProbabilityMap.colour(1).getRGB(), cu.getRGB(15 + 20, 15 + 20));
    }

    @Test
    void inCrs84EachPixelTakesTheCellItsCentreFallsIn() throws Exception {
        StringBuilder centres = new StringBuilder();
        for (int r = 0; r < SyntheticRaster.ROWS; r++) {
            for (int c = 0; c < SyntheticRaster.COLUMNS; c++) {
                double[] p = SyntheticRaster.centre(c, r);
                centres.append(p[0]).append(' ').append(p[1]).append('\n');
            }
        }
        List<String> lonLat = Tool.run(centres.toString(), "gdaltransform", "-s_srs", "EPSG:32650", "-t_srs",
                "EPSG:4326").strip().lines().toList();
        JsonNode layer = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(server.localUri()
                .resolve("layers/grid")).build(), HttpResponse.BodyHandlers.ofString()).body());
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            b[i] = layer.get("bbox84").get(i).asDouble();
        }
        double margin = 0.005;
        double west = b[0] - margin;
        double south = b[1] - margin;
        double east = b[2] + margin;
        double north = b[3] + margin;
        int width = 400;
        int height = 300;
        BufferedImage image = map("bbox=" + west + "," + south + "," + east + "," + north + "&width=" + width
                + "&height=" + height);
        for (int k = 0; k < lonLat.size(); k++) {
            String[] p = lonLat.get(k).split("\\s+");
            double lon = Double.parseDouble(p[0]);
            double lat = Double.parseDouble(p[1]);
            int x = (int) ((lon - west) / (east - west) * width);
            int y = (int) ((north - lat) / (north - south) * height);
            int argb = image.getRGB(x, y);
            if (k == 11) {
                assertEquals(0, argb >>> 24, "no data");
            } else {
                assertEquals(ProbabilityMap.colour(k / 11.0).getRGB(), argb, "cell " + k);
            }
        }
        assertEquals(0, image.getRGB(0, 0) >>> 24, "off the raster");
        assertEquals(0, image.getRGB(width - 1, height - 1) >>> 24, "off the raster");
    }

    @Test
    void defaultsToTheWholeLayerInCrs84AndDrawsWebMercator() throws Exception {
        BufferedImage whole = map("");
        assertEquals(MapRequest.DEFAULT_WIDTH, whole.getWidth());
        JsonNode layer = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(server.localUri()
                .resolve("layers/grid")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode b = layer.get("bbox84");
        double aspect = (b.get(2).asDouble() - b.get(0).asDouble()) / (b.get(3).asDouble() - b.get(1).asDouble());
        assertEquals(Math.round(1024 / aspect), whole.getHeight());
        assertTrue(whole.getRGB(512, whole.getHeight() / 2) >>> 24 == 255, "the middle is data");
        BufferedImage tall = map("height=200");
        assertEquals(200, tall.getHeight());
        assertEquals(Math.round(200 * aspect), tall.getWidth());
        BufferedImage mercator = map("crs=EPSG:3857&width=256&height=256");
        assertEquals(256, mercator.getWidth());
        assertTrue(mercator.getRGB(128, 128) >>> 24 == 255);
    }

    @Test
    void refusesWhatItCannotDraw() throws Exception {
        for (String bad : List.of("width=4097", "height=0", "width=x", "bbox=1,2,3", "bbox=3,0,1,1", "band=Zn",
                "crs=EPSG:999999")) {
            HttpResponse<String> r = get("layers/grid/map?" + bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(404, get("layers/deposits/map").statusCode(), "a vector layer has no map");
        assertEquals(404, get("layers/nothing/map").statusCode());
        assertEquals(200, get("layers/grid/map?width=4096&height=1").statusCode());
    }

    private static BufferedImage map(String query) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.localUri().resolve("layers/grid/map?"
                + query)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> query + ": " + new String(r.body()));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertTrue(image.getColorModel().hasAlpha());
        return image;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
