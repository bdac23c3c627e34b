package org.geoprospect.server.wps;

import org.geoprospect.server.http.OwsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;

/**
 * Writes an OWS 1.1 {@code ows:ExceptionReport} (version 1.0.0, as WPS 1.0.0 uses it): the answer to a request
 * that failed, and the content of a failed job's {@code wps:ProcessFailed}.
 */
final class ExceptionReport {
    private ExceptionReport() {
    }

    /** The report as a document of its own. */
    static Document document(OwsException e) {
        Document doc = Xml.newDocument();
        Element root = Xml.root(doc, Xml.OWS, "ows:ExceptionReport",
                "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
        fill(root, e.code(), e.locator(), e.getMessage());
        return doc;
    }

    /** Appends the report to an element of another document. */
    static void append(Element parent, String code, String locator, String text) {
        fill(Xml.add(parent, Xml.OWS, "ows:ExceptionReport"), code, locator, text);
    }

    private static void fill(Element report, String code, String locator, String text) {
        report.setAttribute("version", "1.0.0");
        report.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", Xml.LANGUAGE);
        Element exception = Xml.add(report, Xml.OWS, "ows:Exception");
        exception.setAttribute("exceptionCode", code);
        if (locator != null) {
            exception.setAttribute("locator", locator);
        }
        if (text != null) {
            Xml.add(exception, Xml.OWS, "ows:ExceptionText", text);
        }
    }
}
