package org.geoprospect.server.wms;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/** Writes the service's XML documents with StAX: small, flat documents need no DOM. */
final class WmsXml {
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** What a document writes between its XML declaration and the end. */
    interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private WmsXml() {
    }

    /** @return the UTF-8 document */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an XML document to memory", e);
        }
        return out.toByteArray();
    }

    /** Writes {@code <name>text</name>}. */
    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
