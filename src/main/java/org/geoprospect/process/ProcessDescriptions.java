package org.geoprospect.process;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code wps-processes.xml} — a WPS 1.0.0 DescribeProcess response document, the one description of the
 * processes for every host — from the class path (the build copies it there from the project root).
 * The XML is parsed with DTDs and external entities disabled.
 */
public final class ProcessDescriptions {
    public static final String RESOURCE = "/wps-processes.xml";
    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String FILE_ROLE = "urn:geoprospect:file";
    private static final String CLI_OUT_ROLE = "urn:geoprospect:cli-out";
    private static final String ONE_OF_ROLE = "urn:geoprospect:one-of";
    private static final String AT_MOST_ONE_OF_ROLE = "urn:geoprospect:at-most-one-of";
    private static final String ARRAY_ROLE = "urn:geoprospect:array";
    private static final String TABLE_ROLE = "urn:geoprospect:table";

    private ProcessDescriptions() {
    }

    private static final class Holder {
        static final Map<String, ProcessDescription> ALL = resource(RESOURCE);
    }

    /** Every described process by identifier, in document order. */
    public static Map<String, ProcessDescription> all() {
        return Holder.ALL;
    }

    /** The description of a process. @throws IllegalStateException if the document lacks it (a build error) */
    public static ProcessDescription get(String identifier) {
        ProcessDescription d = Holder.ALL.get(identifier);
        if (d == null) {
            throw new IllegalStateException(RESOURCE + " does not describe process " + identifier);
        }
        return d;
    }

    /**
     * Reads a ProcessDescriptions document from the class path: this one, or a host's own (the server's echo
     * process).
     *
     * @param resource an absolute resource name
     * @throws IllegalStateException if it is missing or unreadable (a build error)
     */
    public static Map<String, ProcessDescription> resource(String resource) {
        try (InputStream in = ProcessDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Parses a ProcessDescriptions document. */
    public static Map<String, ProcessDescription> parse(InputStream in) throws IOException {
        Document doc;
        try {
            doc = secureBuilder().parse(in);
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("not a valid process description document: " + e.getMessage(), e);
        }
        Map<String, ProcessDescription> out = new LinkedHashMap<>();
        for (Element p : children(doc.getDocumentElement(), null, "ProcessDescription")) {
            ProcessDescription d = process(p);
            out.put(d.identifier(), d);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * A namespace-aware DOM builder that refuses DTDs (so no external entity is ever resolved) and applies the
     * JAXP secure-processing limits: for this document and for the XML documents clients send to hosts.
     */
    public static DocumentBuilder secureBuilder() throws javax.xml.parsers.ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder();
    }

    private static ProcessDescription process(Element p) {
        ProcessDescription.CliOut cliOut = ProcessDescription.CliOut.FILE;
        List<InputGroup> groups = new ArrayList<>();
        for (Element m : children(p, OWS, "Metadata")) {
            String role = m.getAttributeNS(XLINK, "role");
            String title = m.getAttributeNS(XLINK, "title");
            if (CLI_OUT_ROLE.equals(role)) {
                cliOut = ProcessDescription.CliOut.valueOf(title.toUpperCase(java.util.Locale.ROOT));
            } else if (ONE_OF_ROLE.equals(role) || AT_MOST_ONE_OF_ROLE.equals(role)) {
                groups.add(new InputGroup(List.of(title.strip().split("\\s+")), ONE_OF_ROLE.equals(role)));
            }
        }
        List<InputDescription> inputs = new ArrayList<>();
        for (Element di : children(p, null, "DataInputs")) {
            for (Element i : children(di, null, "Input")) {
                inputs.add(input(i));
            }
        }
        List<OutputDescription> outputs = new ArrayList<>();
        for (Element po : children(p, null, "ProcessOutputs")) {
            for (Element o : children(po, null, "Output")) {
                outputs.add(output(o));
            }
        }
        return new ProcessDescription(text(p, OWS, "Identifier"), text(p, OWS, "Title"), text(p, OWS, "Abstract"),
                p.getAttributeNS(WPS, "processVersion"), cliOut, inputs, outputs, groups);
    }

    private static InputDescription input(Element i) {
        String id = text(i, OWS, "Identifier");
        String title = text(i, OWS, "Title");
        String abstractText = text(i, OWS, "Abstract");
        int min = Integer.parseInt(i.getAttribute("minOccurs"));
        int max = Integer.parseInt(i.getAttribute("maxOccurs"));
        if (first(i, null, "BoundingBoxData") != null) {
            return new InputDescription(id, title, abstractText, InputDescription.BOUNDING_BOX, min, max, null,
                    List.of(), null, List.of(), false);
        }
        Element literal = first(i, null, "LiteralData");
        if (literal == null) {
            return new InputDescription(id, title, abstractText, "complex", min, max, null, List.of(), null,
                    formats(first(i, null, "ComplexData")), false);
        }
        List<String> allowed = new ArrayList<>();
        InputDescription.Range range = null;
        Element av = first(literal, OWS, "AllowedValues");
        if (av != null) {
            for (Element v : children(av, OWS, "Value")) {
                allowed.add(v.getTextContent().strip());
            }
            Element r = first(av, OWS, "Range");
            if (r != null) {
                String closure = r.getAttributeNS(OWS, "rangeClosure");
                range = new InputDescription.Range(Double.parseDouble(text(r, OWS, "MinimumValue")),
                        Double.parseDouble(text(r, OWS, "MaximumValue")), closure.isEmpty() ? "closed" : closure);
            }
        }
        return new InputDescription(id, title, abstractText, text(literal, OWS, "DataType"), min, max,
                text(literal, null, "DefaultValue"), allowed, range, List.of(), hasRole(i, ARRAY_ROLE));
    }

    private static OutputDescription output(Element o) {
        String fileName = null;
        for (Element m : children(o, OWS, "Metadata")) {
            if (FILE_ROLE.equals(m.getAttributeNS(XLINK, "role"))) {
                fileName = m.getAttributeNS(XLINK, "title");
            }
        }
        String id = text(o, OWS, "Identifier");
        String title = text(o, OWS, "Title");
        String abstractText = text(o, OWS, "Abstract");
        if (first(o, null, "BoundingBoxOutput") != null) {
            return new OutputDescription(id, title, abstractText, InputDescription.BOUNDING_BOX, fileName, List.of(),
                    false, false);
        }
        Element complex = first(o, null, "ComplexOutput");
        if (complex != null) {
            return new OutputDescription(id, title, abstractText, "complex", fileName, formats(complex), false,
                    hasRole(o, TABLE_ROLE));
        }
        Element literal = first(o, null, "LiteralOutput");
        return new OutputDescription(id, title, abstractText, text(literal, OWS, "DataType"), fileName, List.of(),
                hasRole(o, ARRAY_ROLE), false);
    }

    private static boolean hasRole(Element described, String role) {
        return children(described, OWS, "Metadata").stream()
                .anyMatch(m -> role.equals(m.getAttributeNS(XLINK, "role")));
    }

    private static List<Format> formats(Element complex) {
        List<Format> formats = new ArrayList<>();
        Element def = first(complex, null, "Default");
        Element sup = first(complex, null, "Supported");
        for (Element container : new Element[] {def, sup}) {
            if (container == null) {
                continue;
            }
            for (Element f : children(container, null, "Format")) {
                Format format = new Format(text(f, null, "MimeType"), text(f, null, "Encoding"),
                        text(f, null, "Schema"));
                if (!formats.contains(format)) {
                    formats.add(format);
                }
            }
        }
        return formats;
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int k = 0; k < nodes.getLength(); k++) {
            Node n = nodes.item(k);
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (ns == null ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element parent, String ns, String localName) {
        Element e = first(parent, ns, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}
