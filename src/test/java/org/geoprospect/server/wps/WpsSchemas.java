package org.geoprospect.server.wps;

import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The official OGC WPS 1.0.0 and OWS 1.1 schemas, offline: the copies in the {@code org.jvnet.ogc} schema jars on
 * the test class path stand in for {@code http://schemas.opengis.net/…} (the location every response names), and
 * any other remote schema is refused rather than fetched.
 */
final class WpsSchemas {
    private static final String OGC = "http://schemas.opengis.net/";
    /** One schema for every response type: the WPS and OWS "all" schemas, imported by their official URLs. */
    private static final String ALL = """
            <schema xmlns="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:geoprospect:test:all">
              <import namespace="http://www.opengis.net/wps/1.0.0"
                      schemaLocation="http://schemas.opengis.net/wps/1.0.0/wpsAll.xsd"/>
              <import namespace="http://www.opengis.net/ows/1.1"
                      schemaLocation="http://schemas.opengis.net/ows/1.1.0/owsAll.xsd"/>
            </schema>
            """;
    private static final Schema SCHEMA = load();

    private WpsSchemas() {
    }

    /** @throws AssertionError naming the line and the schema's complaint when the document is invalid */
    static void validate(byte[] xml) {
        Validator v = SCHEMA.newValidator();
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against the WPS 1.0.0 schemas: " + e.getMessage() + "\n"
                    + new String(xml, StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file"); // never the network
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setResourceResolver(new ClassPathResolver());
            return f.newSchema(new StreamSource(new StringReader(ALL), "urn:geoprospect:test:all"));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the WPS schemas from the class path: " + e.getMessage(), e);
        }
    }

    /** Maps schemas.opengis.net (and the W3C's xml.xsd) to the class-path copies; leaves jar-relative ones be. */
    private static final class ClassPathResolver implements LSResourceResolver {
        private final DOMImplementationLS ls;

        ClassPathResolver() {
            try {
                ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            String path;
            if (systemId == null || !systemId.startsWith("http")) {
                return null; // a relative include inside the jar: the default loader reads it from there
            } else if (systemId.startsWith(OGC)) {
                path = systemId.substring(OGC.length());
            } else if (systemId.equals("http://www.w3.org/2001/xml.xsd")) {
                path = "xml/xml.xsd";
            } else {
                throw new IllegalStateException("schema " + systemId + " is not on the class path, and the tests "
                        + "run offline");
            }
            URL url = WpsSchemas.class.getClassLoader().getResource(path);
            if (url == null) {
                throw new IllegalStateException(systemId + ": no " + path + " on the class path");
            }
            LSInput input = ls.createLSInput();
            input.setSystemId(url.toExternalForm()); // its own relative imports resolve inside the jar
            input.setPublicId(publicId);
            return input;
        }
    }
}
