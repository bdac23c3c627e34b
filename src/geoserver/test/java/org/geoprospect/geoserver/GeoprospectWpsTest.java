package org.geoprospect.geoserver;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessExecutor;
import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.process.ProcessRunner;
import org.geoserver.catalog.CatalogBuilder;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.catalog.DataStoreInfo;
import org.geoserver.catalog.FeatureTypeInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.catalog.NamespaceInfo;
import org.geoserver.catalog.WorkspaceInfo;
import org.geoserver.data.test.SystemTestData;
import org.geoserver.wps.WPSTestSupport;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.feature.NameImpl;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.junit.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.custommonkey.xmlunit.XMLAssert.assertXpathEvaluatesTo;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The plugin in GeoServer's own harness: capabilities and descriptions from wps-processes.xml, the whole pipeline on
 * catalog layers (the synthetic survey's samples and deposits as feature types, its grid as a coverage) through
 * internal WFS and WCS references, the targets published as layers and served by WFS and WMS, an asynchronous job
 * dismissed, bad inputs answered with an ExceptionReport.
 */
public class GeoprospectWpsTest extends WPSTestSupport {
    static final String WS = "gp";
    static final String NS = "urn:geoprospect:test";
    static final String CRS = "EPSG:32649";
    static final String ELEMENTS = "Au_ppb,As_ppm,Cu_ppm,Pb_ppm,Zn_ppm,Sn_ppm,W_ppm,Sb_ppm";
    static final Path TEST_DATA = Path.of("test-data");

    @Override
    protected void setUpTestData(SystemTestData testData) throws Exception {
        // GeoServer's own sample layers are not needed: the survey is published in onSetUp
    }

    @Override
    protected void onSetUp(SystemTestData testData) throws Exception {
        super.onSetUp(testData);
        WorkspaceInfo ws = catalog.getFactory().createWorkspace();
        ws.setName(WS);
        catalog.add(ws);
        NamespaceInfo ns = catalog.getFactory().createNamespace();
        ns.setPrefix(WS);
        ns.setURI(NS);
        catalog.add(ns);
        File dir = testData.getDataDirectoryRoot();
        Path points = Files.createDirectories(dir.toPath().resolve("survey"));
        propertyFile(TEST_DATA.resolve("samples.csv"), points.resolve("samples.properties"));
        propertyFile(TEST_DATA.resolve("deposits.csv"), points.resolve("deposits.properties"));
        CatalogBuilder cb = new CatalogBuilder(catalog);
        cb.setWorkspace(ws);
        DataStoreInfo store = cb.buildDataStore("survey");
        store.setType("Property");
        store.getConnectionParameters().put("directory", points.toFile());
        store.getConnectionParameters().put("namespace", NS);
        catalog.add(store);
        cb.setStore(store);
        for (String name : List.of("samples", "deposits")) {
            FeatureTypeInfo ft = cb.buildFeatureType(new NameImpl(NS, name));
            cb.setupBounds(ft);
            catalog.add(ft);
            catalog.add(cb.buildLayer(ft));
        }
        // the grid as a GIS user publishes one: the engine's GeoTIFF as a coverage store
        Path grid = dir.toPath().resolve("grid.tif");
        interpolateInProcess(grid);
        CoverageStoreInfo cs = cb.buildCoverageStore("grid");
        cs.setType("GeoTIFF");
        cs.setURL(grid.toUri().toString());
        catalog.add(cs);
        cb.setStore(cs);
        CoverageInfo coverage = cb.buildCoverage();
        coverage.setName("grid");
        catalog.add(coverage);
        catalog.add(cb.buildLayer(coverage));
    }

    /** The survey's CSV as a GeoTools property file: points in UTM 49N, every other column text or number. */
    private static void propertyFile(Path csv, Path properties) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        String type = properties.getFileName().toString().replace(".properties", "");
        StringBuilder out = new StringBuilder("_=the_geom:Point:srid=32649");
        for (int i = 0; i < header.length; i++) {
            if (!header[i].equals("x") && !header[i].equals("y")) {
                int column = i;
                // a column with below-detection values ("<0.3") stays text, as the engine reads it
                boolean numeric = lines.stream().skip(1).map(l -> l.split(",", -1)[column])
                        .allMatch(v -> v.isEmpty() || v.matches("-?[0-9.]+([eE]-?[0-9]+)?"));
                out.append(',').append(header[i]).append(':').append(numeric ? "Double" : "String");
            }
        }
        out.append('\n');
        int x = List.of(header).indexOf("x");
        int y = List.of(header).indexOf("y");
        for (int r = 1; r < lines.size(); r++) {
            String[] v = lines.get(r).split(",", -1);
            out.append(type).append('.').append(r).append("=POINT(").append(v[x]).append(' ').append(v[y])
                    .append(')');
            for (int i = 0; i < header.length; i++) {
                if (i != x && i != y) {
                    out.append('|').append(v[i]);
                }
            }
            out.append('\n');
        }
        Files.writeString(properties, out);
    }

    private static void interpolateInProcess(Path grid) throws IOException {
        Path work = Files.createTempDirectory("gp-interpolate");
        var process = ProcessRegistry.standard().get("interpolate").orElseThrow();
        var inputs = Map.of("samples", List.<InputValue>of(new InputValue.File(TEST_DATA.resolve("samples.csv"))),
                "crs", List.<InputValue>of(new InputValue.Literal(CRS)),
                "elements", List.<InputValue>of(new InputValue.Literal(ELEMENTS)),
                "cellSize", List.<InputValue>of(new InputValue.Literal("250")),
                "log", List.<InputValue>of(new InputValue.Literal("true")),
                "normalize", List.<InputValue>of(new InputValue.Literal("zscore")));
        var result = new ProcessExecutor(ProcessRunner.IN_PROCESS, null).prepare(process, inputs, null)
                .run(work, ProgressListener.NONE, Cancellation.none());
        Files.copy((Path) result.outputs().get("grid"), grid);
    }

    @Test
    public void capabilitiesListTheFourProcesses() throws Exception {
        Document d = getAsDOM(root() + "service=wps&request=getcapabilities");
        for (String id : List.of("interpolate", "selectElements", "trainModel", "predictTargets")) {
            assertXpathEvaluatesTo("1", "count(//wps:Process[ows:Identifier='gp:" + id + "'])", d);
        }
    }

    @Test
    public void describeProcessAgreesWithTheDescription() throws Exception {
        for (ProcessDescription p : ProcessRegistry.standard().all().values().stream()
                .map(g -> g.description()).toList()) {
            Document d = getAsDOM(root() + "service=wps&request=describeprocess&identifier=gp:" + p.identifier());
            String base = "//ProcessDescription[ows:Identifier='gp:" + p.identifier() + "']";
            assertXpathEvaluatesTo(p.title(), base + "/ows:Title", d);
            for (InputDescription i : p.inputs()) {
                String in = base + "/DataInputs/Input[ows:Identifier='" + i.identifier() + "']";
                assertXpathEvaluatesTo(String.valueOf(i.minOccurs()), in + "/@minOccurs", d);
                assertXpathEvaluatesTo(String.valueOf(i.maxOccurs()), in + "/@maxOccurs", d);
                assertXpathEvaluatesTo(i.title(), in + "/ows:Title", d);
                if (i.isComplex()) {
                    assertXpathEvaluatesTo("1", "count(" + in + "/ComplexData)", d);
                    continue;
                }
                for (String allowed : i.allowedValues()) {
                    assertXpathEvaluatesTo("1", "count(" + in + "//ows:AllowedValues/ows:Value[.='" + allowed
                            + "'])", d);
                }
                if (i.defaultValue() != null) {
                    String shown = xp.evaluate(in + "/LiteralData/DefaultValue", d);
                    assertEquals(i.identifier(), i.defaultValue(), numberAsGiven(i.defaultValue(), shown));
                }
                if (i.range() != null && !Double.isInfinite(i.range().minimum())) {
                    assertEquals(i.identifier(), i.range().minimum(), Double.parseDouble(xp.evaluate(in
                            + "//ows:Range/ows:MinimumValue", d)), 0);
                }
            }
            assertXpathEvaluatesTo(ProcessParameters.publishes(p) ? "1" : "0",
                    "count(" + base + "/DataInputs/Input[ows:Identifier='publishAs'])", d);
        }
    }

    /** GeoServer writes 0.5 as given and 12 as 12; a double default such as 2 may come back as 2.0. */
    private static String numberAsGiven(String given, String shown) {
        try {
            return Double.parseDouble(given) == Double.parseDouble(shown) ? given : shown;
        } catch (NumberFormatException e) {
            return shown;
        }
    }

    private static String execute(String process, String inputs, String responseForm) {
        return "<wps:Execute version='1.0.0' service='WPS' xmlns:wps='http://www.opengis.net/wps/1.0.0' "
                + "xmlns:ows='http://www.opengis.net/ows/1.1' xmlns:xlink='http://www.w3.org/1999/xlink' "
                + "xmlns:wfs='http://www.opengis.net/wfs' xmlns:wcs='http://www.opengis.net/wcs/2.0'>"
                + "<ows:Identifier>gp:" + process + "</ows:Identifier><wps:DataInputs>" + inputs
                + "</wps:DataInputs><wps:ResponseForm>" + responseForm + "</wps:ResponseForm></wps:Execute>";
    }

    private static String literal(String id, String value) {
        return "<wps:Input><ows:Identifier>" + id + "</ows:Identifier><wps:Data><wps:LiteralData>" + value
                + "</wps:LiteralData></wps:Data></wps:Input>";
    }

    /** A catalog feature type by GeoServer's internal WFS reference. */
    private static String wfs(String id, String typeName) {
        return "<wps:Input><ows:Identifier>" + id + "</ows:Identifier><wps:Reference mimeType='text/xml; "
                + "subtype=wfs-collection/1.0' xlink:href='http://geoserver/wfs' method='POST'><wps:Body>"
                + "<wfs:GetFeature service='WFS' version='1.0.0' outputFormat='GML2'><wfs:Query typeName='"
                + typeName + "'/></wfs:GetFeature></wps:Body></wps:Reference></wps:Input>";
    }

    /** A whole catalog coverage by GeoServer's internal WCS 2.0 reference. */
    private static String wcs(String id, String coverageId) {
        return "<wps:Input><ows:Identifier>" + id + "</ows:Identifier><wps:Reference mimeType='image/tiff' "
                + "xlink:href='http://geoserver/wcs' method='POST'><wps:Body><wcs:GetCoverage service='WCS' "
                + "version='2.0.1'><wcs:CoverageId>" + coverageId + "</wcs:CoverageId><wcs:format>image/tiff"
                + "</wcs:format></wcs:GetCoverage></wps:Body></wps:Reference></wps:Input>";
    }

    private static String raw(String output, String mime) {
        return "<wps:RawDataOutput mimeType='" + mime + "'><ows:Identifier>" + output
                + "</ows:Identifier></wps:RawDataOutput>";
    }

    private static String document(String... outputs) {
        StringBuilder s = new StringBuilder("<wps:ResponseDocument>");
        for (String o : outputs) {
            s.append("<wps:Output><ows:Identifier>").append(o).append("</ows:Identifier></wps:Output>");
        }
        return s.append("</wps:ResponseDocument>").toString();
    }

    private String literalOutput(Document d, String id) throws Exception {
        return xp.evaluate("//wps:Output[ows:Identifier='" + id + "']/wps:Data/wps:LiteralData", d);
    }

    @Test
    public void interpolateReadsACatalogFeatureType() throws Exception {
        MockHttpServletResponse r = postAsServletResponse(root(), execute("interpolate",
                wfs("samples", "gp:samples") + literal("elements", ELEMENTS) + literal("cellSize", "250")
                        + literal("log", "true") + literal("normalize", "zscore"), raw("grid", "image/tiff")));
        assertTrue(r.getContentAsString(), r.getContentType().startsWith("image/tiff"));
        Path tif = Files.createTempFile("gp-grid", ".tif");
        Files.write(tif, r.getContentAsByteArray());
        GeoTiffReader mine = new GeoTiffReader(tif.toFile());
        GeoTiffReader reference = new GeoTiffReader(getDataDirectory().root().toPath().resolve("grid.tif")
                .toFile());
        try {
            GridCoverage2D a = mine.read(null);
            GridCoverage2D b = reference.read(null);
            assertEquals(8, a.getNumSampleDimensions());
            assertEquals(b.getGridGeometry().getGridRange2D(), a.getGridGeometry().getGridRange2D());
            // the same IDW from the catalog's features as from the CSV the engine reads itself
            var ra = a.getRenderedImage().getData();
            var rb = b.getRenderedImage().getData();
            int w = ra.getWidth();
            int h = ra.getHeight();
            for (int band = 0; band < 8; band++) {
                for (int[] c : new int[][] {{0, 0}, {w / 2, h / 2}, {w - 1, h - 1}, {w / 3, 2 * h / 3}}) {
                    assertEquals(rb.getSampleFloat(c[0], c[1], band), ra.getSampleFloat(c[0], c[1], band), 1e-4);
                }
            }
        } finally {
            mine.dispose();
            reference.dispose();
        }
    }

    @Test
    public void thePipelineRunsOnCatalogLayersAndPublishesTheTargets() throws Exception {
        Document selection = postAsDOM(root(), execute("selectElements", wcs("grid", "gp__grid")
                + wfs("deposits", "gp:deposits") + literal("buffer", "5"), document("selected")));
        String selected = literalOutput(selection, "selected");
        assertTrue(dump(selection), selected.length() > 0);
        for (String e : selected.split(",")) {
            assertTrue(selected, List.of(ELEMENTS.split(",")).contains(e.strip()));
        }

        Document trained = postAsDOM(root(), execute("trainModel", wcs("grid", "gp__grid")
                + wfs("deposits", "gp:deposits") + literal("elements", selected) + literal("network", "small")
                + literal("patch", "16") + literal("epochs", "3") + literal("name", "harness"),
                document("modelId", "validation")));
        String model = literalOutput(trained, "modelId");
        assertTrue(dump(trained), model.startsWith("harness"));
        assertTrue(literalOutput(trained, "validation").matches(".*; trained on (cpu|gpu)\\(\\d*\\)$"));
        assertTrue(Files.isDirectory(getDataDirectory().root().toPath().resolve("geoprospect/models")));

        Document predicted = postAsDOM(root(), execute("predictTargets", wcs("grid", "gp__grid")
                + literal("model", model) + literal("tiles", "6x6") + wfs("deposits", "gp:deposits")
                + literal("publishAs", "gp:targets"), document("summary", "layers")));
        String layers = literalOutput(predicted, "layers");
        assertEquals(dump(predicted), "gp:targets,gp:targets_probability", layers);
        String summary = literalOutput(predicted, "summary");
        int targets = Integer.parseInt(summary.substring(0, summary.indexOf(' ')));
        assertTrue(summary, targets > 0);
        assertTrue(summary, summary.matches(".*; predicted on (cpu|gpu)\\(\\d*\\)$"));

        Document features = getAsDOM("wfs?service=WFS&version=1.0.0&request=GetFeature&typeName=gp:targets");
        assertXpathEvaluatesTo(String.valueOf(targets), "count(//gml:featureMember)", features);
        Set<String> statuses = new HashSet<>();
        for (int i = 1; i <= targets; i++) {
            statuses.add(xp.evaluate("(//gml:featureMember)[" + i + "]/*/*[local-name()='status']", features));
        }
        assertTrue(statuses.toString(), Set.of("known", "new").containsAll(statuses));

        LayerInfo layer = catalog.getLayerByName("gp:targets");
        assertEquals(LayerPublisher.TARGETS_STYLE, layer.getDefaultStyle().getName());
        var box = layer.getResource().getNativeBoundingBox();
        for (String name : List.of("gp:targets", "gp:targets_probability")) {
            MockHttpServletResponse map = getAsServletResponse("wms?service=WMS&version=1.1.1&request=GetMap"
                    + "&layers=" + name + "&styles=&srs=" + CRS + "&bbox=" + box.getMinX() + "," + box.getMinY()
                    + "," + box.getMaxX() + "," + box.getMaxY() + "&width=256&height=256&format=image/png"
                    + "&transparent=true");
            assertEquals(map.getContentAsString(), "image/png", map.getContentType());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(map.getContentAsByteArray()));
            assertTrue(name + " draws something", painted(image) > 0);
        }

        // the name is taken now: refused before any work
        Document again = postAsDOM(root(), execute("predictTargets", wcs("grid", "gp__grid")
                + literal("model", model) + literal("publishAs", "gp:targets"), document("summary")));
        assertXpathEvaluatesTo("publishAs", "//ows:Exception/@locator", again);
    }

    private static int painted(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) >>> 24) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static String dump(Document d) throws Exception {
        var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        var w = new java.io.StringWriter();
        t.transform(new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(w));
        return w.toString();
    }

    /**
     * Our own GeoTIFF sent inline reaches the engine through a coverage that is not in the catalog: its band names
     * and normalisation come back from the GDAL metadata GeoTools kept, so the selection is the catalog layer's.
     */
    @Test
    public void anInlineGeoTiffKeepsItsElements() throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(getDataDirectory().root()
                .toPath().resolve("grid.tif")));
        String inline = "<wps:Input><ows:Identifier>grid</ows:Identifier><wps:Data><wps:ComplexData "
                + "mimeType='image/tiff' encoding='base64'>" + base64 + "</wps:ComplexData></wps:Data></wps:Input>";
        Document a = postAsDOM(root(), execute("selectElements", inline + wfs("deposits", "gp:deposits")
                + literal("buffer", "5"), document("selected")));
        Document b = postAsDOM(root(), execute("selectElements", wcs("grid", "gp__grid")
                + wfs("deposits", "gp:deposits") + literal("buffer", "5"), document("selected")));
        assertTrue(dump(a), literalOutput(a, "selected").length() > 0);
        assertEquals(literalOutput(b, "selected"), literalOutput(a, "selected"));
    }

    @Test
    public void badInputIsAnExceptionReportNamingTheInput() throws Exception {
        Document d = postAsDOM(root(), execute("interpolate", wfs("samples", "gp:samples")
                + literal("elements", ELEMENTS) + literal("cellSize", "-100"), raw("grid", "image/tiff")));
        assertXpathEvaluatesTo("1", "count(//ows:ExceptionReport)", d);
        assertTrue(dump(d), xp.evaluate("//ows:ExceptionText", d).contains("cellSize"));

        Document ws = postAsDOM(root(), execute("predictTargets", wcs("grid", "gp__grid")
                + literal("model", "nope") + literal("publishAs", "nowhere:targets"), document("summary")));
        assertXpathEvaluatesTo("InvalidParameterValue", "//ows:Exception/@exceptionCode", ws);
        assertTrue(dump(ws), !dump(ws).contains(getDataDirectory().root().getAbsolutePath()));
        assertXpathEvaluatesTo("publishAs", "//ows:Exception/@locator", ws);
        assertTrue(dump(ws), xp.evaluate("//ows:ExceptionText", ws).contains("nowhere"));
    }

    @Test
    public void aFeatureCollectionSettlesItsLocationsAndAFileIsNeverReplaced() throws Exception {
        Document fields = postAsDOM(root(), execute("interpolate", wfs("samples", "gp:samples")
                + literal("xField", "x") + literal("elements", ELEMENTS) + literal("cellSize", "250"),
                raw("grid", "image/tiff")));
        assertXpathEvaluatesTo("xField", "//ows:Exception/@locator", fields);

        // a file of that name in the plugin's layer folder (a renamed store's, say) keeps the name taken
        Path taken = getDataDirectory().root().toPath().resolve("geoprospect/layers/" + WS + "/kept.gpkg");
        Files.createDirectories(taken.getParent());
        Files.writeString(taken, "not ours to replace");
        Document refused = postAsDOM(root(), execute("predictTargets", wcs("grid", "gp__grid")
                + literal("model", "any") + literal("publishAs", WS + ":kept"), document("summary")));
        assertXpathEvaluatesTo("publishAs", "//ows:Exception/@locator", refused);
        assertEquals("not ours to replace", Files.readString(taken));
    }

    @Test
    public void anAsynchronousTrainingShowsProgressAndStopsWhenDismissed() throws Exception {
        String request = execute("trainModel", wcs("grid", "gp__grid") + wfs("deposits", "gp:deposits")
                + literal("elements", ELEMENTS) + literal("network", "small") + literal("patch", "16")
                + literal("epochs", "500") + literal("name", "dismissed"),
                "<wps:ResponseDocument storeExecuteResponse='true' status='true'><wps:Output>"
                        + "<ows:Identifier>modelId</ows:Identifier></wps:Output></wps:ResponseDocument>");
        Document accepted = postAsDOM("wps", request);
        String location = xp.evaluate("//wps:ExecuteResponse/@statusLocation", accepted);
        String status = location.substring(location.indexOf('?') - 3);
        String id = status.substring(status.indexOf("executionId=") + "executionId=".length());
        Document started = waitForProcess(status, 120, d -> {
            String p = xp.evaluate("//wps:ProcessStarted/@percentCompleted", d);
            return !p.isEmpty() && Integer.parseInt(p) > 0;
        });
        assertNotNull(started);
        var worker = org.geoserver.platform.GeoServerExtensions.bean(GeoprospectHost.class).worker();
        assertEquals("the training runs in the worker", 1, worker.running());
        int starts = worker.starts();
        Document dismissed = getAsDOM("wps?service=WPS&version=1.0.0&request=Dismiss&executionId=" + id);
        assertXpathEvaluatesTo("1", "count(//wps:ProcessFailed)", dismissed);
        // the dismissal reaches the worker: its training stops (well before the 30 s after which it would be killed)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (worker.running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("nothing runs in the worker any more", 0, worker.running());
        assertEquals("it stopped by itself, the worker was not killed", starts, worker.starts());
        assertTrue(worker.pid() > 0);
        Path store = getDataDirectory().root().toPath().resolve("geoprospect/models");
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(store)) {
            try (var models = Files.list(store)) {
                models.forEach(m -> names.add(m.getFileName().toString()));
            }
        }
        assertTrue(names.toString(), names.stream().noneMatch(n -> n.startsWith("dismissed")));
    }
}
