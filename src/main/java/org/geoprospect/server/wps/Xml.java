package org.geoprospect.server.wps;

import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.server.http.OwsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

/**
 * DOM plumbing for WPS 1.0.0 documents: the namespaces, element builders, reading with
 * {@link ProcessDescriptions#secureBuilder() the secure parser} (no DTD, so no external entity), and writing.
 */
final class Xml {
    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String SCHEMAS = "http://schemas.opengis.net/wps/1.0.0/";
    /** The one language the service speaks. */
    static final String LANGUAGE = "en-GB";

    private Xml() {
    }

    static Document newDocument() {
        try {
            return ProcessDescriptions.secureBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is misconfigured", e);
        }
    }

    /**
     * The root element of a response, with the WPS, OWS and XLink prefixes declared and its schema named.
     *
     * @param schema the schema file under {@link #SCHEMAS}, e.g. {@code wpsExecute_response.xsd}
     */
    static Element root(Document doc, String ns, String qualifiedName, String schema) {
        Element root = doc.createElementNS(ns, qualifiedName);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wps", WPS);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ows", OWS);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", XLINK);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi", XSI);
        root.setAttributeNS(XSI, "xsi:schemaLocation", ns + " " + schema);
        doc.appendChild(root);
        return root;
    }

    /** A WPS response's root: {@code service}, {@code version} and {@code xml:lang} set. */
    static Element wpsRoot(Document doc, String localName, String schema) {
        Element root = root(doc, WPS, "wps:" + localName, SCHEMAS + schema);
        root.setAttribute("service", "WPS");
        root.setAttribute("version", WpsRequest.VERSION);
        root.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", LANGUAGE);
        return root;
    }

    static Element add(Element parent, String ns, String qualifiedName) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(e);
        return e;
    }

    static Element add(Element parent, String ns, String qualifiedName, String text) {
        Element e = add(parent, ns, qualifiedName);
        e.setTextContent(text);
        return e;
    }

    /**
     * Reads a document a client sent.
     *
     * @throws OwsException NoApplicableCode (400) when it is not well-formed XML or declares a DTD
     */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = ProcessDescriptions.secureBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is printed
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new OwsException("NoApplicableCode", null, "not a well-formed XML document without a DTD: "
                    + e.getMessage(), 400);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is misconfigured", e);
        }
    }

    /** @return a document built here, as UTF-8, indented */
    static byte[] bytes(Document doc) {
        return bytes(doc, true);
    }

    /**
     * @param indent false for a document that holds parsed content: it keeps its own layout (the JDK would add
     *               indentation to the whitespace already there)
     * @return the document as UTF-8
     */
    static byte[] bytes(Document doc, boolean indent) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (indent) {
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write an XML document: " + e.getMessage(), e);
        }
    }

    /** The child elements of that name; a null namespace matches elements without one. */
    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int k = 0; k < nodes.getLength(); k++) {
            if (nodes.item(k) instanceof Element e && localName.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return the first such child, or null */
    static Element child(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    /** @return the first element child of any name, or null */
    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** @return the trimmed text of the first such child, or null when there is none */
    static String text(Element parent, String ns, String localName) {
        Element e = child(parent, ns, localName);
        return e == null ? null : e.getTextContent().strip();
    }

    /** @return the attribute's value, or null when it is absent (DOM gives "" for both) */
    static String attribute(Element e, String ns, String localName) {
        return e.hasAttributeNS(ns, localName) ? e.getAttributeNS(ns, localName) : null;
    }
}
