package org.geoprospect.server.wms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.layers.SyntheticRaster;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WMS 1.3.0 over the {@link SyntheticRaster} (UTM 50N) beside a vector layer: the capabilities list the raster
 * only, with the extent {@code /layers} gives; GDAL's WMS driver, an independent client, reads both operations;
 * EPSG:4326 boxes are latitude first and draw what the same box in CRS:84 and {@code /layers/{name}/map} draw;
 * errors are ServiceExceptionReports with the standard's codes.
 */
class WmsEndpointsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WMS = "http://www.opengis.net/wms";

    @TempDir
    static Path dir;
    private static Server server;
    /** The raster's extent in CRS84 as /layers gives it: west, south, east, north. */
    private static double[] bbox84;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(SyntheticRaster.write(dir.resolve("grid.tif")), "grid", "Grid", "test", null, false);
        server.layers().publish(Path.of("test-data/deposits.csv"), "deposits", "Deposits", "test", "EPSG:32650",
                false);
        JsonNode layer = new ObjectMapper().readTree(get("layers/grid").body());
        bbox84 = new double[4];
        for (int i = 0; i < 4; i++) {
            bbox84[i] = layer.get("bbox84").get(i).asDouble();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void capabilitiesListTheRasterWithItsExtent() throws Exception {
        HttpResponse<String> r = get("wms?service=wms&request=GetCapabilities&version=1.3.0");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        Document doc = parse(r.body());
        Element root = doc.getDocumentElement();
        assertEquals(WMS, root.getNamespaceURI());
        assertEquals("WMS_Capabilities", root.getLocalName());
        assertEquals("1.3.0", root.getAttribute("version"));
        assertEquals("WMS", text(first(first(root, "Service"), "Name")));
        Element getMap = first(first(first(root, "Capability"), "Request"), "GetMap");
        assertEquals("image/png", text(first(getMap, "Format")));
        String href = ((Element) getMap.getElementsByTagNameNS(WMS, "OnlineResource").item(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href");
        assertEquals(server.localUri() + "wms?", href);
        Element top = first(first(root, "Capability"), "Layer");
        List<String> crs = new ArrayList<>();
        for (Element c : children(top, "CRS")) {
            crs.add(text(c));
        }
        assertTrue(crs.containsAll(List.of("CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:32650")), crs.toString());
        List<Element> layers = children(top, "Layer");
        assertEquals(1, layers.size(), "the raster only, not the vector layer");
        Element grid = layers.get(0);
        assertEquals("0", grid.getAttribute("queryable"));
        assertEquals("grid", text(first(grid, "Name")));
        Element geo = first(grid, "EX_GeographicBoundingBox");
        assertEquals(bbox84[0], number(first(geo, "westBoundLongitude")), 1e-12);
        assertEquals(bbox84[1], number(first(geo, "southBoundLatitude")), 1e-12);
        assertEquals(bbox84[2], number(first(geo, "eastBoundLongitude")), 1e-12);
        assertEquals(bbox84[3], number(first(geo, "northBoundLatitude")), 1e-12);
        List<String> boxes = new ArrayList<>();
        for (Element b : children(grid, "BoundingBox")) {
            boxes.add(b.getAttribute("CRS") + " " + b.getAttribute("minx") + " " + b.getAttribute("miny"));
        }
        assertEquals(List.of("CRS:84 " + bbox84[0] + " " + bbox84[1], "EPSG:32650 " + SyntheticRaster.MIN_X + " "
                + (SyntheticRaster.MAX_Y - SyntheticRaster.ROWS * SyntheticRaster.CELL)), boxes);
        assertEquals("default", text(first(first(grid, "Style"), "Name")));
    }

    @Test
    void gdalsWmsDriverReadsTheCapabilitiesAndTheMap() throws Exception {
        Tool.require("gdalinfo");
        String base = server.localUri() + "wms?SERVICE=WMS&VERSION=1.3.0";
        String info = Tool.run("", "gdalinfo", "WMS:" + base + "&REQUEST=GetCapabilities");
        assertTrue(info.contains("LAYERS=grid"), info);
        assertTrue(!info.contains("LAYERS=deposits"), info);
        Path out = dir.resolve("gdal.png");
        String box = bbox84[1] + "," + bbox84[0] + "," + bbox84[3] + "," + bbox84[2];
        Tool.run("", "gdal_translate", "-of", "PNG", "WMS:" + base + "&REQUEST=GetMap&LAYERS=grid&CRS=EPSG:4326"
                + "&BBOX=" + box + "&FORMAT=image/png", out.toString(), "-outsize", "64", "64");
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(64, image.getWidth());
        assertEquals(64, image.getHeight());
        BufferedImage ours = wms("LAYERS=grid&CRS=EPSG:4326&BBOX=" + box + "&WIDTH=64&HEIGHT=64");
        int centre = ours.getRGB(32, 32) & 0xFFFFFF;
        assertEquals(centre, image.getRGB(32, 32) & 0xFFFFFF, "GDAL's pixel is the one we draw");
        assertTrue(centre != 0xFFFFFF, "the middle is data");
    }

    @Test
    void latitudeFirstInEpsg4326DrawsWhatCrs84AndTheLayersMapDraw() throws Exception {
        double m = 0.003;
        double west = bbox84[0] - m;
        double south = bbox84[1] - m;
        double east = bbox84[2] + m;
        double north = bbox84[3] + m;
        String size = "&WIDTH=120&HEIGHT=90&TRANSPARENT=TRUE";
        BufferedImage epsg = wms("LAYERS=grid&CRS=EPSG:4326&BBOX=" + south + "," + west + "," + north + ","
                + east + size);
        BufferedImage crs84 = wms("LAYERS=grid&CRS=CRS:84&BBOX=" + west + "," + south + "," + east + "," + north
                + size);
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.localUri().resolve("layers/grid/map?crs="
                + "CRS84&bbox=" + west + "," + south + "," + east + "," + north + "&width=120&height=90")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        BufferedImage layers = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertArrayEquals(pixels(layers), pixels(epsg));
        assertArrayEquals(pixels(layers), pixels(crs84));
        assertEquals(0, epsg.getRGB(0, 0) >>> 24, "off the raster is transparent");
        assertEquals(255, epsg.getRGB(60, 45) >>> 24, "the middle is data");
        BufferedImage opaque = wms("LAYERS=grid,deposits&STYLES=,&CRS=EPSG:4326&BBOX=" + south + "," + west + ","
                + north + "," + east + "&WIDTH=120&HEIGHT=90");
        assertEquals(0xFFFFFFFF, opaque.getRGB(0, 0), "TRANSPARENT=FALSE: white background");
        assertEquals(epsg.getRGB(60, 45), opaque.getRGB(60, 45), "the first layer is drawn");
    }

    @Test
    void errorsAreServiceExceptionReports() throws Exception {
        String map = "wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&WIDTH=10&HEIGHT=10&";
        String ok = "LAYERS=grid&CRS=EPSG:3857&BBOX=0,0,1,1&FORMAT=image/png";
        assertEquals(200, get(map + ok).statusCode());
        exception(map + ok.replace("LAYERS=grid", "LAYERS=deposits"), "LayerNotDefined");
        exception(map + ok.replace("LAYERS=grid", "LAYERS=nothing"), "LayerNotDefined");
        exception(map + ok.replace("EPSG:3857", "EPSG:999999"), "InvalidCRS");
        exception(map + ok.replace("image/png", "image/jpeg"), "InvalidFormat");
        exception(map + ok.replace("&CRS=EPSG:3857", ""), "MissingParameterValue");
        exception((map + ok).replace("STYLES=&", "STYLES=fancy&"), "StyleNotDefined");
        exception("wms?SERVICE=WMS&REQUEST=GetFeatureInfo", "OperationNotSupported");
        exception("wms?SERVICE=WMS", "MissingParameterValue");
        exception(map + ok.replace("BBOX=0,0,1,1", "BBOX=1,0,0,1"), null);
        exception(map.replace("WIDTH=10", "WIDTH=0") + ok, null);
    }

    private static void exception(String path, String code) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), path);
        Element root = parse(r.body()).getDocumentElement();
        assertEquals("ServiceExceptionReport", root.getLocalName(), r.body());
        assertEquals("http://www.opengis.net/ogc", root.getNamespaceURI());
        assertEquals("1.3.0", root.getAttribute("version"));
        Element e = first(root, "ServiceException");
        assertEquals(code == null ? "" : code, e.getAttribute("code"), path + ": " + r.body());
        assertTrue(!text(e).isBlank());
    }

    private static BufferedImage wms(String query) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(
                "wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&" + query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), () -> query + ": " + new String(r.body()));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Document parse(String xml) throws Exception {
        return ProcessDescriptions.secureBuilder().parse(new ByteArrayInputStream(xml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String name) {
        List<Element> c = children(parent, name);
        assertTrue(!c.isEmpty(), "no " + name + " in " + parent.getLocalName());
        return c.get(0);
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    private static double number(Element e) {
        return Double.parseDouble(text(e));
    }
}
