package org.geoprospect.server.wps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.jobs.JobStatus;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Execute of interpolate on the published samples: synchronous by GET and POST, references by layer name and by
 * this server's collection URL, inline CSV, outputs by reference, inline and raw, lineage, and a stored
 * (asynchronous) execution followed at its status location. Every document is checked against the schemas.
 */
class WpsExecuteTest {
    private static final String KVP = "service=WPS&version=1.0.0&request=Execute&identifier=interpolate";
    private static final String GEOTIFF = "image/tiff; application=geotiff";
    private static final Pattern JOB = Pattern.compile("/jobs/([0-9a-f-]{36})/outputs/");

    @TempDir
    static Path dir;
    private static WpsClient wps;

    @BeforeAll
    static void start() throws Exception {
        wps = WpsClient.start(dir, JobLimits.DEFAULT);
    }

    @AfterAll
    static void stop() throws Exception {
        wps.close();
    }

    @Test
    void kvpExecuteOnALayerNameAndOnTheCollectionUrl() throws Exception {
        String collection = URLEncoder.encode(wps.base() + "collections/samples", StandardCharsets.UTF_8);
        String literals = ";crs=EPSG:32650;elements=Au,Cu;cellSize=500";
        for (String dataInputs : new String[] {"samples=layer:samples" + literals,
                "samples=@xlink:href=" + collection + "@mimeType=text/csv" + literals,
                // as a generic URL builder sends it: separators encoded too
                URLEncoder.encode("samples=@xlink:href=layer:samples" + literals, StandardCharsets.UTF_8)}) {
            WpsClient.Reply r = wps.get(KVP + "&DataInputs=" + dataInputs);
            assertEquals(200, r.status(), r.text());
            assertTrue(r.at("//wps:Status/wps:ProcessSucceeded").startsWith("interpolate job"), r.text());
            assertEquals("", r.at("/wps:ExecuteResponse/@statusLocation"), "a synchronous execution stores nothing");
            assertEquals(List.of("grid", "report"), r.all("//wps:ProcessOutputs/wps:Output/ows:Identifier"));
            String grid = r.at("//wps:Output[ows:Identifier='grid']/wps:Reference/@href");
            assertTrue(grid.startsWith(wps.base() + "jobs/") && grid.endsWith("/outputs/grid"), grid);
            assertEquals(GEOTIFF, r.at("//wps:Output[ows:Identifier='grid']/wps:Reference/@mimeType"));
            assertPublished(jobOf(grid));
        }
    }

    @Test
    void xmlExecuteWithInlineOutputsAndLineage() throws Exception {
        WpsClient.Reply r = wps.post(execute("""
                <wps:Input><ows:Identifier>samples</ows:Identifier>
                  <wps:Reference xlink:href="%scollections/samples" mimeType="text/csv"/></wps:Input>
                """.formatted(wps.base()), """
                <wps:ResponseForm><wps:ResponseDocument lineage="true">
                  <wps:Output asReference="false"><ows:Identifier>grid</ows:Identifier></wps:Output>
                  <wps:Output><ows:Identifier>report</ows:Identifier></wps:Output>
                </wps:ResponseDocument></wps:ResponseForm>"""));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.at("//wps:ProcessSucceeded").contains("succeeded"), r.text());
        assertEquals(List.of("samples", "crs", "elements", "cellSize"),
                r.all("/wps:ExecuteResponse/wps:DataInputs/wps:Input/ows:Identifier"));
        assertEquals(wps.base() + "collections/samples", r.at("//wps:DataInputs//wps:Reference/@xlink:href"));
        assertEquals(List.of("grid", "report"), r.all("//wps:OutputDefinitions/wps:Output/ows:Identifier"));

        String grid = "//wps:Output[ows:Identifier='grid']/wps:Data/wps:ComplexData";
        assertEquals("base64", r.at(grid + "/@encoding"));
        assertEquals(GEOTIFF, r.at(grid + "/@mimeType"));
        byte[] tiff = Base64.getMimeDecoder().decode(r.at(grid));
        assertEquals("II*", new String(tiff, 0, 3, StandardCharsets.US_ASCII), "a little-endian TIFF");
        JsonNode report = new ObjectMapper().readTree(r.at("//wps:Output[ows:Identifier='report']//wps:ComplexData"));
        assertEquals(2, report.get("bands").size(), "the report as JSON text, inline");
    }

    @Test
    void rawDataOutputIsTheGeoTiffItself() throws Exception {
        WpsClient.Reply raw = wps.get(KVP + "&DataInputs=samples=layer:samples;crs=EPSG:32650;elements=Au,Cu;"
                + "cellSize=500&RawDataOutput=grid");
        assertEquals(200, raw.status());
        assertEquals(GEOTIFF, raw.contentType());
        Path tif = Files.write(dir.resolve("raw.tif"), raw.body());
        Tool.require("gdalinfo");
        String info = Tool.run("", "gdalinfo", tif.toString());
        assertTrue(info.contains("Band 2 ") && !info.contains("Band 3 "), info);
        assertTrue(info.contains("32650"), info);

        WpsClient.Reply report = wps.get(KVP + "&DataInputs=samples=layer:samples;crs=EPSG:32650;elements=Au;"
                + "cellSize=500&RawDataOutput=report@mimeType=application/json");
        assertTrue(report.contentType().startsWith("application/json"), report.contentType());
        assertEquals("Au", new ObjectMapper().readTree(report.body()).at("/bands/0/element").asText());
    }

    @Test
    void inlineCsvIsTakenAsTheSamples() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("test-data/samples.csv")).subList(0, 400);
        WpsClient.Reply r = wps.post(execute("""
                <wps:Input><ows:Identifier>samples</ows:Identifier>
                  <wps:Data><wps:ComplexData mimeType="text/csv"><![CDATA[%s]]></wps:ComplexData></wps:Data>
                </wps:Input>
                """.formatted(String.join("\n", lines)), ""));
        assertEquals(200, r.status(), r.text());
        assertTrue(r.at("//wps:ProcessSucceeded").contains("succeeded"), r.text());
        assertPublished(jobOf(r.at("//wps:Output[ows:Identifier='grid']/wps:Reference/@href")));
    }

    @Test
    void storedExecutionIsFollowedAtItsStatusLocationToSuccess() throws Exception {
        WpsClient.Reply accepted = wps.post("""
                <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1">
                  <ows:Identifier>interpolate</ows:Identifier>
                  <wps:DataInputs>
                    <wps:Input><ows:Identifier>samples</ows:Identifier>
                      <wps:Data><wps:LiteralData>samples</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>crs</ows:Identifier>
                      <wps:Data><wps:LiteralData>EPSG:32650</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>elements</ows:Identifier>
                      <wps:Data><wps:LiteralData>Au</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>elements</ows:Identifier>
                      <wps:Data><wps:LiteralData>Cu</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>cellSize</ows:Identifier>
                      <wps:Data><wps:LiteralData>100</wps:LiteralData></wps:Data></wps:Input>
                  </wps:DataInputs>
                  <wps:ResponseForm>
                    <wps:ResponseDocument storeExecuteResponse="true" status="true" lineage="true">
                      <wps:Output asReference="true"><ows:Identifier>grid</ows:Identifier></wps:Output>
                    </wps:ResponseDocument>
                  </wps:ResponseForm>
                </wps:Execute>""");
        assertEquals(200, accepted.status(), accepted.text());
        assertTrue(accepted.at("//wps:Status/wps:ProcessAccepted").contains("accepted"), accepted.text());
        String location = accepted.at("/wps:ExecuteResponse/@statusLocation");
        assertTrue(location.matches(Pattern.quote(wps.base()) + "wps/status/[0-9a-f-]{36}"), location);
        assertEquals(List.of("samples", "crs", "elements", "elements", "cellSize"),
                accepted.all("//wps:DataInputs/wps:Input/ows:Identifier"));

        Set<String> seen = new LinkedHashSet<>(List.of("ProcessAccepted"));
        List<Integer> percents = new ArrayList<>();
        WpsClient.Reply status = accepted;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (status.at("boolean(//wps:ProcessSucceeded|//wps:ProcessFailed)").equals("false")) {
            assertTrue(System.nanoTime() < deadline, "the job did not end in 2 minutes: " + status.text());
            Thread.sleep(40);
            status = wps.getUrl(location); // each document is validated as it is read
            String state = status.at("local-name(/wps:ExecuteResponse/wps:Status/*)");
            seen.add(state);
            if (state.equals("ProcessStarted")) {
                percents.add(Integer.parseInt(status.at("//wps:ProcessStarted/@percentCompleted")));
            }
        }
        assertEquals(List.of(), status.all("//wps:ProcessFailed//ows:ExceptionText"), status.text());
        percents.forEach(p -> assertTrue(p >= 0 && p <= 99, "percentCompleted " + p));
        // a fast machine may finish before the first poll sees the job running: Started is then skipped
        assertTrue(seen.contains("ProcessSucceeded"), seen.toString());
        assertEquals(location, status.at("/wps:ExecuteResponse/@statusLocation"));
        assertEquals(List.of("grid"), status.all("//wps:ProcessOutputs/wps:Output/ows:Identifier"),
                "only the output asked for");
        assertEquals(List.of("samples", "crs", "elements", "elements", "cellSize"),
                status.all("//wps:DataInputs/wps:Input/ows:Identifier"), "lineage at the status location too");
        String grid = status.at("//wps:Output[ows:Identifier='grid']/wps:Reference/@href");
        assertPublished(jobOf(grid));
    }

    /** An Execute of interpolate (crs, elements Au and Cu, cell size 500) with the samples input and form given. */
    private static String execute(String samplesInput, String responseForm) {
        return """
                <wps:Execute service="WPS" version="1.0.0" xmlns:wps="http://www.opengis.net/wps/1.0.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink">
                  <ows:Identifier>interpolate</ows:Identifier>
                  <wps:DataInputs>
                    %s
                    <wps:Input><ows:Identifier>crs</ows:Identifier>
                      <wps:Data><wps:LiteralData>EPSG:32650</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>elements</ows:Identifier>
                      <wps:Data><wps:LiteralData>Au,Cu</wps:LiteralData></wps:Data></wps:Input>
                    <wps:Input><ows:Identifier>cellSize</ows:Identifier>
                      <wps:Data><wps:LiteralData>500</wps:LiteralData></wps:Data></wps:Input>
                  </wps:DataInputs>
                  %s
                </wps:Execute>""".formatted(samplesInput, responseForm);
    }

    private static String jobOf(String outputHref) {
        Matcher m = JOB.matcher(outputHref);
        assertTrue(m.find(), outputHref);
        return m.group(1);
    }

    /** The job succeeded and its grid is a published raster layer. */
    private static void assertPublished(String jobId) throws Exception {
        Job job = wps.server.jobs().get(jobId).orElseThrow();
        assertEquals(JobStatus.SUCCESSFUL, job.status());
        String layer = job.outputs().outputs().get("grid").layer();
        assertTrue(wps.server.layers().get(layer).isPresent(), "layer " + layer + " published");
    }
}
