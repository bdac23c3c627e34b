package org.geoprospect.server.wps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.jobs.JobStatus;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Python client, OWSLib ({@code owslib.wps.WebProcessingService}), reads the capabilities and the
 * description of interpolate and executes it — stored and polled with checkStatus, and synchronously — through
 * {@code owslib_client.py}. Skipped where {@code /usr/bin/python3} has no OWSLib (CI installs python3-owslib).
 */
class WpsOwsLibTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void owslibDescribesAndExecutesInterpolate() throws Exception {
        Assumptions.assumeTrue(hasOwsLib(), PYTHON + " cannot import owslib; skipped");
        try (WpsClient wps = WpsClient.start(dir, JobLimits.DEFAULT)) {
            Path script = Path.of(WpsOwsLibTest.class.getResource("owslib_client.py").toURI());
            JsonNode seen = new ObjectMapper().readTree(run(PYTHON, script.toString(), wps.base() + "wps",
                    wps.base() + "collections/samples"));

            assertEquals("WPS", seen.get("type").asText());
            assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"),
                    strings(seen.get("processes")));
            assertEquals(List.of("GetCapabilities", "DescribeProcess", "Execute"), strings(seen.get("operations")));
            JsonNode samples = seen.at("/inputs/samples");
            assertEquals("ComplexData", samples.get("dataType").asText());
            assertEquals(1, samples.get("minOccurs").asInt());
            assertTrue(strings(samples.get("formats")).contains("text/csv"), samples.toString());
            assertEquals("double", seen.at("/inputs/cellSize/dataType").asText());
            assertEquals(64, seen.at("/inputs/elements/maxOccurs").asInt());
            assertEquals(List.of("grid", "report"), strings(seen.get("processOutputs")));

            JsonNode stored = seen.get("async");
            assertEquals(List.of(), strings(stored.get("errors")), stored.toString());
            List<String> statuses = strings(stored.get("statuses"));
            assertEquals("ProcessAccepted", statuses.get(0), statuses.toString());
            assertEquals("ProcessSucceeded", statuses.get(statuses.size() - 1), statuses.toString());
            assertTrue(stored.get("statusLocation").asText().startsWith(wps.base() + "wps/status/"));
            stored.get("percents").forEach(p -> assertTrue(p.asInt() >= 0 && p.asInt() <= 100, p.toString()));
            String grid = gridReference(stored);

            JsonNode direct = seen.get("sync");
            assertEquals("ProcessSucceeded", direct.get("status").asText(), direct.toString());
            assertTrue(direct.get("statusLocation").isNull(), "a synchronous execution has no status location");
            gridReference(direct);

            String jobId = grid.replaceAll(".*/jobs/([^/]+)/outputs/grid$", "$1");
            var job = wps.server.jobs().get(jobId).orElseThrow();
            assertEquals(JobStatus.SUCCESSFUL, job.status());
            String layer = job.outputs().outputs().get("grid").layer();
            assertTrue(wps.server.layers().get(layer).isPresent(), "the grid is published as layer " + layer);

            HttpResponse<byte[]> tif = wps.http.send(HttpRequest.newBuilder(URI.create(grid)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, tif.statusCode());
            Path file = Files.write(dir.resolve("grid.tif"), tif.body());
            String info = Tool.run("", "gdalinfo", file.toString());
            assertTrue(info.contains("Band 2 ") && !info.contains("Band 3 "), info);
        }
    }

    /** @return the grid's reference, checked to be a GeoTIFF under this server's job outputs */
    private static String gridReference(JsonNode execution) {
        for (JsonNode o : execution.get("outputs")) {
            if (o.get("identifier").asText().equals("grid")) {
                assertEquals("image/tiff; application=geotiff", o.get("mimeType").asText());
                String href = o.get("reference").asText();
                assertTrue(href.matches("http://localhost:\\d+/jobs/[0-9a-f-]{36}/outputs/grid"), href);
                return href;
            }
        }
        throw new AssertionError("no grid output: " + execution);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    private static boolean hasOwsLib() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import owslib").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** @return the command's standard output; fails with its error output when it fails */
    private String run(String... command) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(err) + out);
        }
        return out;
    }
}
