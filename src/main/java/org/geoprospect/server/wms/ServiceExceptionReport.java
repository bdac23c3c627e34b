package org.geoprospect.server.wms;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.geoprospect.server.http.OwsException;

/** The WMS 1.3.0 exception document (Annex H, {@code exceptions_1_3_0.xsd}) reporting one {@link OwsException}. */
final class ServiceExceptionReport {
    static final String OGC = "http://www.opengis.net/ogc";

    private ServiceExceptionReport() {
    }

    static byte[] of(OwsException e) {
        return WmsXml.write(w -> {
            w.writeStartElement("ServiceExceptionReport");
            w.writeDefaultNamespace(OGC);
            w.writeNamespace("xsi", WmsXml.XSI);
            w.writeAttribute("version", "1.3.0");
            w.writeAttribute(WmsXml.XSI, "schemaLocation", OGC
                    + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            exception(w, e);
            w.writeEndElement();
        });
    }

    private static void exception(XMLStreamWriter w, OwsException e) throws XMLStreamException {
        w.writeStartElement("ServiceException");
        if (e.code() != null) {
            w.writeAttribute("code", e.code());
        }
        if (e.locator() != null) {
            w.writeAttribute("locator", e.locator());
        }
        w.writeCharacters(e.getMessage());
        w.writeEndElement();
    }
}
