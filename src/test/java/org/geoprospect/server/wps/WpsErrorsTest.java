package org.geoprospect.server.wps;

import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.jobs.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad requests get an ows:ExceptionReport with the code and locator WPS 1.0.0 asks for, never the server's problem
 * JSON, and leave the service answering; a job that fails while it runs reports ProcessFailed.
 */
class WpsErrorsTest {
    private static final String EXECUTE = "service=WPS&version=1.0.0&request=Execute&identifier=interpolate";
    private static final String INPUTS = "samples=layer:samples;crs=EPSG:32650;elements=Au,Cu";

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

    @AfterEach
    void serviceStillAnswers() throws Exception {
        assertEquals(4, wps.get("service=WPS&request=GetCapabilities").all("//wps:Process").size());
    }

    @Test
    void missingOrWrongServiceRequestAndVersion() throws Exception {
        wps.get("request=GetCapabilities").assertException(400, "MissingParameterValue", "service");
        wps.get("service=WFS&request=GetCapabilities").assertException(400, "InvalidParameterValue", "service");
        wps.get("service=WPS").assertException(400, "MissingParameterValue", "request");
        wps.get("service=WPS&request=GetFeature").assertException(400, "OperationNotSupported", "GetFeature");
        wps.get("service=WPS&request=Execute&identifier=interpolate")
                .assertException(400, "MissingParameterValue", "version");
        wps.get("service=WPS&request=DescribeProcess&version=2.0.0&identifier=interpolate")
                .assertException(400, "InvalidParameterValue", "version");
        wps.get("service=WPS&request=DescribeProcess&version=1.0.0&identifier=interpolate&language=fr-FR")
                .assertException(400, "InvalidParameterValue", "language");
    }

    @Test
    void malformedAndHostileXml() throws Exception {
        wps.post("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\"><unclosed>")
                .assertException(400, "NoApplicableCode", null);
        WpsClient.Reply xxe = wps.post("""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <wps:Execute xmlns:wps="http://www.opengis.net/wps/1.0.0" xmlns:ows="http://www.opengis.net/ows/1.1"
                    service="WPS" version="1.0.0"><ows:Identifier>&e;</ows:Identifier></wps:Execute>""");
        xxe.assertException(400, "NoApplicableCode", null);
        assertFalse(xxe.text().contains("root:"), "no file contents: " + xxe.text());
        assertTrue(xxe.at("//ows:ExceptionText").contains("DOCTYPE"), xxe.text());
        wps.post("<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs\" service=\"WFS\"/>")
                .assertException(400, "OperationNotSupported", "GetFeature");
    }

    @Test
    void unknownProcessInputOrOutputAndMissingInput() throws Exception {
        wps.get("service=WPS&version=1.0.0&request=Execute&identifier=krige&DataInputs=" + INPUTS)
                .assertException(400, "InvalidParameterValue", "identifier");
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + ";colour=red")
                .assertException(400, "InvalidParameterValue", "colour");
        wps.get(EXECUTE + "&DataInputs=crs=EPSG:32650;elements=Au")
                .assertException(400, "MissingParameterValue", "samples");
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + "&ResponseDocument=grid;map")
                .assertException(400, "InvalidParameterValue", "map");
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + "&RawDataOutput=grid@mimeType=image/png")
                .assertException(400, "InvalidParameterValue", "grid");
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + "&status=true")
                .assertException(400, "InvalidParameterValue", "status");
    }

    @Test
    void badLiteralIsRefusedBeforeAJobExists() throws Exception {
        int jobs = wps.server.jobs().list(null, 100, 0).size();
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + ";cellSize=-1")
                .assertException(400, "InvalidParameterValue", "cellSize");
        wps.get(EXECUTE + "&DataInputs=" + INPUTS + ";cellSize=ten")
                .assertException(400, "InvalidParameterValue", "cellSize");
        assertEquals(jobs, wps.server.jobs().list(null, 100, 0).size());
    }

    @Test
    void aUrlTheServerDoesNotFetchIsRefusedBeforeAJobExists() throws Exception {
        int jobs = wps.server.jobs().list(null, 100, 0).size();
        for (String form : new String[] {"", "&storeExecuteResponse=true&status=true"}) {
            WpsClient.Reply r = wps.get(EXECUTE + "&DataInputs=samples=@xlink:href=http://10.0.0.1/samples.csv;"
                    + "crs=EPSG:32650;elements=Au,Cu;cellSize=500" + form);
            r.assertException(400, "InvalidParameterValue", "samples");
            assertTrue(r.at("//ows:ExceptionText").contains("does not fetch http://10.0.0.1/samples.csv: this "
                    + "server fetches no URLs"), r.text());
        }
        assertEquals(jobs, wps.server.jobs().list(null, 100, 0).size(), "no job was made");
    }

    @Test
    void inputThatFailsInsideTheJobReportsProcessFailed() throws Exception {
        WpsClient.Reply sync = wps.get(EXECUTE + "&DataInputs=samples=layer:samples;crs=EPSG:32650;elements=Xx;"
                + "cellSize=500");
        assertEquals(200, sync.status(), sync.text());
        assertProcessFailed(sync, "InvalidParameterValue", "elements");
        assertProcessFailed(wps.get(EXECUTE + "&DataInputs=samples=layer:nowhere;crs=EPSG:32650;elements=Au;"
                + "cellSize=500"), "InvalidParameterValue", "samples");

        WpsClient.Reply accepted = wps.get(EXECUTE + "&DataInputs=samples=layer:samples;crs=EPSG:32650;elements=Xx;"
                + "cellSize=500&storeExecuteResponse=true&status=true");
        String location = accepted.at("/wps:ExecuteResponse/@statusLocation");
        WpsClient.Reply status = accepted;
        for (int i = 0; i < 600 && status.at("boolean(//wps:ProcessFailed)").equals("false"); i++) {
            Thread.sleep(50);
            status = wps.getUrl(location);
        }
        assertProcessFailed(status, "InvalidParameterValue", "elements");
        assertEquals(List.of(), status.all("//wps:ProcessOutputs"));
    }

    @Test
    void aFullServerAnswersServerBusy(@TempDir Path own) throws Exception {
        JobLimits one = new JobLimits(1, 1, 0, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(1));
        try (WpsClient busy = WpsClient.start(own, one)) {
            CompletableFuture<WpsClient.Reply> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return busy.get(EXECUTE + "&DataInputs=" + INPUTS + ";cellSize=50");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (busy.server.jobs().list(null, 1, 0).stream().noneMatch(j -> j.status() == JobStatus.RUNNING)) {
                assertTrue(System.nanoTime() < deadline && !running.isDone(), "the first execution never ran");
                Thread.sleep(20);
            }
            WpsClient.Reply refused = busy.get(EXECUTE + "&DataInputs=" + INPUTS + ";cellSize=500");
            refused.assertException(503, "ServerBusy", null);
            assertEquals(200, running.get().status());
        }
    }

    @Test
    void unknownStatusLocation() throws Exception {
        wps.getUrl(wps.base() + "wps/status/" + UUID.randomUUID()).assertException(404, "NoApplicableCode", "jobId");
        wps.getUrl(wps.base() + "wps/status/..%2F..%2Fetc").assertException(404, "NoApplicableCode", "jobId");
    }

    private static void assertProcessFailed(WpsClient.Reply r, String code, String locator) throws Exception {
        String exception = "//wps:Status/wps:ProcessFailed/ows:ExceptionReport/ows:Exception";
        assertEquals(code, r.at(exception + "/@exceptionCode"), r.text());
        assertEquals(locator, r.at(exception + "/@locator"), r.text());
        assertFalse(r.at(exception + "/ows:ExceptionText").isBlank());
    }
}
