package org.geoprospect.server.wps;

import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real server with the test samples published as layer {@code samples}, and a plain HTTP client speaking WPS to
 * it. Every XML reply is checked against the official schemas as it is read.
 */
final class WpsClient implements AutoCloseable {
    private static final Map<String, String> PREFIXES = Map.of("wps", "http://www.opengis.net/wps/1.0.0",
            "ows", "http://www.opengis.net/ows/1.1", "xlink", "http://www.w3.org/1999/xlink");

    final Server server;
    final HttpClient http = HttpClient.newHttpClient();

    private WpsClient(Server server) {
        this.server = server;
    }

    static WpsClient start(Path dir, JobLimits limits) throws Exception {
        Server server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), limits, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650", false);
        return new WpsClient(server);
    }

    /** http://localhost:PORT/ */
    String base() {
        return server.localUri().toString();
    }

    /** GET {base}wps?{query}. */
    Reply get(String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "wps?" + query)).build());
    }

    Reply getUrl(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    /** POST an XML document to {base}wps. */
    Reply post(String xml) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "wps")).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
    }

    private Reply send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        if (reply.contentType.startsWith("text/xml")) {
            WpsSchemas.validate(reply.body);
        }
        return reply;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }

    /** An HTTP reply; for XML ones, XPath over the WPS, OWS and XLink prefixes. */
    record Reply(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Document xml() throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        }

        /** @return the expression's string value */
        String at(String xpath) throws Exception {
            return xpath().evaluate(xpath, xml());
        }

        /** @return the text of every node the expression selects */
        List<String> all(String xpath) throws Exception {
            NodeList nodes = (NodeList) xpath().evaluate(xpath, xml(), XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent().strip());
            }
            return out;
        }

        /** Asserts an ows:ExceptionReport with this HTTP status, code and locator (null: none). */
        void assertException(int httpStatus, String code, String locator) throws Exception {
            assertEquals(httpStatus, status, text());
            assertTrue(contentType.startsWith("text/xml"), contentType);
            Element root = xml().getDocumentElement();
            assertEquals("ExceptionReport", root.getLocalName(), text());
            assertEquals("1.0.0", root.getAttribute("version"));
            assertEquals(code, at("/ows:ExceptionReport/ows:Exception/@exceptionCode"), text());
            assertEquals(locator == null ? "" : locator, at("/ows:ExceptionReport/ows:Exception/@locator"), text());
        }

        private static XPath xpath() {
            XPath x = XPathFactory.newInstance().newXPath();
            x.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return PREFIXES.get(prefix);
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
            return x;
        }
    }
}
