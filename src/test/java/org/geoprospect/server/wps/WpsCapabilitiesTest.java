package org.geoprospect.server.wps;

import org.geoprospect.process.InputDescription;
import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetCapabilities and DescribeProcess, by GET and POST, checked against the WPS 1.0.0 schemas. */
class WpsCapabilitiesTest {
    private static final List<String> PROCESSES = List.of("interpolate", "selectElements", "trainModel",
            "predictTargets");

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
    void capabilitiesListExactlyTheFourProcessesAndTheOperationsAtTheAddressUsed() throws Exception {
        WpsClient.Reply caps = wps.get("SERVICE=WPS&Request=GetCapabilities&AcceptVersions=1.0.0");
        assertEquals(200, caps.status());
        assertEquals(PROCESSES, caps.all("/wps:Capabilities/wps:ProcessOfferings/wps:Process/ows:Identifier"));
        assertEquals(List.of("1.0.0", "1.0.0", "1.0.0", "1.0.0"),
                caps.all("//wps:Process/@wps:processVersion"));
        assertEquals(ProcessDescriptions.get("trainModel").title(),
                caps.at("//wps:Process[ows:Identifier='trainModel']/ows:Title"));
        assertEquals("WPS", caps.at("//ows:ServiceIdentification/ows:ServiceType"));
        assertEquals("1.0.0", caps.at("//ows:ServiceIdentification/ows:ServiceTypeVersion"));
        assertEquals("en-GB", caps.at("//wps:Languages/wps:Default/ows:Language"));
        assertEquals(wps.base() + "wps?",
                caps.at("//ows:Operation[@name='Execute']//ows:Get/@xlink:href"));

        // the links follow the host name the client used
        String other = wps.base().replace("localhost", "127.0.0.1");
        HttpResponse<String> viaIp = wps.http.send(HttpRequest.newBuilder(URI.create(other
                + "wps?service=WPS&request=GetCapabilities")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(viaIp.body().contains("xlink:href=\"" + other + "wps\""), viaIp.body());
    }

    @Test
    void anyLanguageGetsTheCapabilitiesAndExecuteInTheDefaultOne() throws Exception {
        for (String language : List.of("en-US", "fr-FR")) {
            WpsClient.Reply caps = wps.get("service=WPS&request=GetCapabilities&language=" + language);
            assertEquals(200, caps.status(), language);
            assertEquals("en-GB", caps.at("/wps:Capabilities/@*[local-name()='lang']"));
            assertEquals(List.of("en-GB", "en-US"), caps.all("//wps:Languages/wps:Supported/ows:Language"));
            // an Execute gets as far as its inputs
            wps.get("service=WPS&request=Execute&version=1.0.0&identifier=interpolate&language=" + language)
                    .assertException(400, "MissingParameterValue", "samples");
        }
        assertEquals(200, wps.get("service=WPS&request=DescribeProcess&version=1.0.0&identifier=interpolate"
                + "&language=en-US").status());
    }

    @Test
    void capabilitiesByPostAndVersionNegotiation() throws Exception {
        WpsClient.Reply caps = wps.post("""
                <wps:GetCapabilities xmlns:wps="http://www.opengis.net/wps/1.0.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1" service="WPS" language="en-GB">
                  <wps:AcceptVersions><ows:Version>1.0.0</ows:Version></wps:AcceptVersions>
                </wps:GetCapabilities>""");
        assertEquals(200, caps.status(), caps.text());
        assertEquals(PROCESSES, caps.all("//wps:Process/ows:Identifier"));

        wps.get("service=WPS&request=GetCapabilities&acceptversions=2.0.0")
                .assertException(400, "VersionNegotiationFailed", "AcceptVersions");
        wps.post("""
                <wps:GetCapabilities xmlns:wps="http://www.opengis.net/wps/1.0.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1" service="WPS">
                  <ows:AcceptVersions><ows:Version>2.0.0</ows:Version></ows:AcceptVersions>
                </wps:GetCapabilities>""").assertException(400, "VersionNegotiationFailed", "AcceptVersions");
    }

    @Test
    void describeProcessServesTheDescriptionsDocumentItself() throws Exception {
        WpsClient.Reply one = wps.get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=interpolate");
        assertEquals(200, one.status());
        assertEquals(List.of("interpolate"), one.all("/wps:ProcessDescriptions/ProcessDescription/ows:Identifier"));
        assertEquals(ProcessDescriptions.get("interpolate").inputs().stream().map(InputDescription::identifier)
                .toList(), one.all("//DataInputs/Input/ows:Identifier"));
        Element served = (Element) one.xml().getElementsByTagName("ProcessDescription").item(0);
        assertTrue(served.isEqualNode(fromResource("interpolate")), "the element of wps-processes.xml, unchanged");

        assertEquals(PROCESSES, wps.get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=ALL")
                .all("//ProcessDescription/ows:Identifier"));
        assertEquals(List.of("predictTargets", "interpolate"),
                wps.get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=predictTargets,interpolate")
                        .all("//ProcessDescription/ows:Identifier"));
        WpsClient.Reply posted = wps.post("""
                <wps:DescribeProcess xmlns:wps="http://www.opengis.net/wps/1.0.0"
                    xmlns:ows="http://www.opengis.net/ows/1.1" service="WPS" version="1.0.0">
                  <ows:Identifier>trainModel</ows:Identifier>
                </wps:DescribeProcess>""");
        assertEquals(List.of("trainModel"), posted.all("//ProcessDescription/ows:Identifier"));

        wps.get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=interpolate,krige")
                .assertException(400, "InvalidParameterValue", "identifier");
        wps.get("service=WPS&version=1.0.0&request=DescribeProcess")
                .assertException(400, "MissingParameterValue", "identifier");
    }

    private static Element fromResource(String identifier) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = ProcessDescriptions.class.getResourceAsStream(ProcessDescriptions.RESOURCE)) {
            var all = f.newDocumentBuilder().parse(in).getElementsByTagName("ProcessDescription");
            for (int i = 0; i < all.getLength(); i++) {
                Element p = (Element) all.item(i);
                if (p.getElementsByTagNameNS("http://www.opengis.net/ows/1.1", "Identifier").item(0)
                        .getTextContent().equals(identifier)) {
                    return p;
                }
            }
        }
        throw new AssertionError(identifier + " is not in " + ProcessDescriptions.RESOURCE);
    }
}
