package org.geoprospect.server.wps;

import org.geoprospect.process.InputValue;
import org.geoprospect.server.http.OwsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WPS 1.0.0 requests sent as XML documents (an HTTP POST): {@code wps:GetCapabilities},
 * {@code wps:DescribeProcess} and {@code wps:Execute}. Inline ComplexData is the element's text (CSV, JSON — as
 * text or CDATA), base64-decoded when {@code encoding="base64"}, or its XML content serialised; a
 * {@code wps:Reference} is fetched by GET only. Parsing refuses DTDs, so no external entity is ever read.
 */
final class XmlRequests {
    private XmlRequests() {
    }

    static WpsRequest read(byte[] body) {
        Element root = Xml.parse(body).getDocumentElement();
        if (!Xml.WPS.equals(root.getNamespaceURI())) {
            throw new OwsException("OperationNotSupported", root.getLocalName(), "the request document's root is "
                    + "to be wps:GetCapabilities, wps:DescribeProcess or wps:Execute in namespace " + Xml.WPS, 400);
        }
        WpsRequest.checkService(Xml.attribute(root, null, "service"));
        switch (root.getLocalName()) {
            case "GetCapabilities" -> {
                Element accept = Xml.child(root, Xml.WPS, "AcceptVersions");
                if (accept == null) { // clients often put it in the OWS namespace, as OWS 1.1 itself does
                    accept = Xml.child(root, Xml.OWS, "AcceptVersions");
                }
                List<String> versions = new ArrayList<>();
                if (accept != null) {
                    Xml.children(accept, Xml.OWS, "Version").forEach(v -> versions.add(v.getTextContent().strip()));
                }
                return new WpsRequest.GetCapabilities(versions);
            }
            case "DescribeProcess" -> {
                WpsRequest.checkVersion(Xml.attribute(root, null, "version"));
                WpsRequest.checkLanguage(Xml.attribute(root, null, "language"));
                return new WpsRequest.DescribeProcess(Xml.children(root, Xml.OWS, "Identifier").stream()
                        .map(e -> e.getTextContent().strip()).toList());
            }
            case "Execute" -> {
                WpsRequest.checkVersion(Xml.attribute(root, null, "version"));
                return execute(root);
            }
            default -> throw new OwsException("OperationNotSupported", root.getLocalName(), "WPS 1.0.0 operations "
                    + "are GetCapabilities, DescribeProcess and Execute; '" + root.getLocalName()
                    + "' is not one of them", 400);
        }
    }

    private static WpsRequest.Execute execute(Element root) {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        Element dataInputs = Xml.child(root, Xml.WPS, "DataInputs");
        if (dataInputs != null) {
            for (Element input : Xml.children(dataInputs, Xml.WPS, "Input")) {
                String id = Xml.text(input, Xml.OWS, "Identifier");
                if (id == null || id.isEmpty()) {
                    throw OwsException.missing("Input/Identifier");
                }
                inputs.computeIfAbsent(id, k -> new ArrayList<>()).add(value(id, input));
            }
        }
        List<WpsRequest.OutputDefinition> outputs = new ArrayList<>();
        WpsRequest.OutputDefinition rawOutput = null;
        boolean store = false;
        boolean status = false;
        boolean lineage = false;
        Element form = Xml.child(root, Xml.WPS, "ResponseForm");
        if (form != null) {
            Element document = Xml.child(form, Xml.WPS, "ResponseDocument");
            Element raw = Xml.child(form, Xml.WPS, "RawDataOutput");
            if (document != null) {
                for (Element o : Xml.children(document, Xml.WPS, "Output")) {
                    outputs.add(output(o, WpsRequest.bool(Xml.attribute(o, null, "asReference"), "asReference",
                            false)));
                }
                store = WpsRequest.bool(Xml.attribute(document, null, "storeExecuteResponse"),
                        "storeExecuteResponse", false);
                status = WpsRequest.bool(Xml.attribute(document, null, "status"), "status", false);
                lineage = WpsRequest.bool(Xml.attribute(document, null, "lineage"), "lineage", false);
            } else if (raw != null) {
                rawOutput = output(raw, false);
            }
        }
        return new WpsRequest.Execute(Xml.text(root, Xml.OWS, "Identifier"), inputs, outputs, rawOutput, store,
                status, lineage);
    }

    private static WpsRequest.OutputDefinition output(Element o, boolean asReference) {
        String id = Xml.text(o, Xml.OWS, "Identifier");
        if (id == null || id.isEmpty()) {
            throw OwsException.missing("Output/Identifier");
        }
        return new WpsRequest.OutputDefinition(id, asReference, Xml.attribute(o, null, "mimeType"));
    }

    private static InputValue value(String id, Element input) {
        Element reference = Xml.child(input, Xml.WPS, "Reference");
        if (reference != null) {
            String href = Xml.attribute(reference, Xml.XLINK, "href");
            if (href == null || href.isBlank()) {
                throw OwsException.missing("Input/Reference/@xlink:href");
            }
            if ("POST".equalsIgnoreCase(Xml.attribute(reference, null, "method"))) {
                throw OwsException.invalid(id, "input '" + id + "': references are fetched with GET only");
            }
            return new InputValue.Reference(href.strip(), Xml.attribute(reference, null, "mimeType"));
        }
        Element data = Xml.child(input, Xml.WPS, "Data");
        if (data == null) {
            throw OwsException.invalid(id, "input '" + id + "' has neither wps:Data nor wps:Reference");
        }
        Element literal = Xml.child(data, Xml.WPS, "LiteralData");
        if (literal != null) {
            return new InputValue.Literal(literal.getTextContent());
        }
        Element complex = Xml.child(data, Xml.WPS, "ComplexData");
        if (complex == null) {
            throw OwsException.invalid(id, "input '" + id + "': only LiteralData, ComplexData and Reference are "
                    + "accepted");
        }
        String mimeType = Xml.attribute(complex, null, "mimeType");
        if ("base64".equalsIgnoreCase(Xml.attribute(complex, null, "encoding"))) {
            try {
                return new InputValue.Inline(Base64.getMimeDecoder().decode(complex.getTextContent().strip()),
                        mimeType);
            } catch (IllegalArgumentException e) {
                throw OwsException.invalid(id, "input '" + id + "' is not valid base64");
            }
        }
        Element content = Xml.firstElement(complex);
        byte[] bytes = content != null ? serialise(content)
                : complex.getTextContent().strip().getBytes(StandardCharsets.UTF_8);
        return new InputValue.Inline(bytes, mimeType);
    }

    /** An XML payload (e.g. GML) as a document of its own, its namespaces declared. */
    private static byte[] serialise(Element content) {
        Document doc = Xml.newDocument();
        doc.appendChild(doc.importNode(content, true));
        return Xml.bytes(doc, false);
    }
}
