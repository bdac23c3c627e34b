package org.geoprospect.server.wps;

import org.geoprospect.process.InputValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an Execute request as a {@code wps:Execute} document, whichever encoding it came in: kept in the job's
 * folder so that the status location can answer in the response form that was asked for, and the source of the
 * DataInputs and OutputDefinitions that lineage repeats. {@link XmlRequests} reads it back. Also holds the one
 * encoding of ComplexData content, for inputs and outputs alike.
 */
final class ExecuteRequestDocument {
    private ExecuteRequestDocument() {
    }

    /**
     * @param withInputs whether to write the inputs too; the status location needs them only for lineage, and
     *                   inline data may be large
     */
    static Document of(WpsRequest.Execute request, boolean withInputs) {
        Document doc = Xml.newDocument();
        Element root = Xml.root(doc, Xml.WPS, "wps:Execute", Xml.SCHEMAS + "wpsExecute_request.xsd");
        root.setAttribute("service", "WPS");
        root.setAttribute("version", WpsRequest.VERSION);
        Xml.add(root, Xml.OWS, "ows:Identifier", request.identifier());
        if (withInputs && !request.inputs().isEmpty()) {
            dataInputs(root, request.inputs());
        }
        Element form = Xml.add(root, Xml.WPS, "wps:ResponseForm");
        if (request.rawOutput() != null) {
            outputDefinition(Xml.add(form, Xml.WPS, "wps:RawDataOutput"), request.rawOutput());
        } else {
            Element document = Xml.add(form, Xml.WPS, "wps:ResponseDocument");
            document.setAttribute("storeExecuteResponse", String.valueOf(request.store()));
            document.setAttribute("lineage", String.valueOf(request.lineage()));
            document.setAttribute("status", String.valueOf(request.status()));
            outputs(document, request.outputs());
        }
        return doc;
    }

    /** Appends {@code wps:DataInputs}. */
    static void dataInputs(Element parent, Map<String, List<InputValue>> inputs) {
        Element dataInputs = Xml.add(parent, Xml.WPS, "wps:DataInputs");
        inputs.forEach((id, values) -> {
            for (InputValue v : values) {
                Element input = Xml.add(dataInputs, Xml.WPS, "wps:Input");
                Xml.add(input, Xml.OWS, "ows:Identifier", id);
                if (v instanceof InputValue.Literal l) {
                    Xml.add(Xml.add(input, Xml.WPS, "wps:Data"), Xml.WPS, "wps:LiteralData", l.value());
                } else if (v instanceof InputValue.Reference r) {
                    Element reference = Xml.add(input, Xml.WPS, "wps:Reference");
                    reference.setAttributeNS(Xml.XLINK, "xlink:href", r.href());
                    setIfPresent(reference, "mimeType", r.mimeType());
                } else if (v instanceof InputValue.Inline i) {
                    Element complex = Xml.add(Xml.add(input, Xml.WPS, "wps:Data"), Xml.WPS, "wps:ComplexData");
                    setIfPresent(complex, "mimeType", i.mimeType());
                    content(complex, i.data(), i.mimeType());
                }
            }
        });
    }

    /** Appends the output definitions as a response document's {@code wps:Output} elements. */
    static void outputs(Element parent, List<WpsRequest.OutputDefinition> outputs) {
        for (WpsRequest.OutputDefinition o : outputs) {
            Element output = Xml.add(parent, Xml.WPS, "wps:Output");
            output.setAttribute("asReference", String.valueOf(o.asReference()));
            outputDefinition(output, o);
        }
    }

    /**
     * Sets a ComplexData element's content: text formats as CDATA (kept byte for byte, markup and all), anything
     * else base64 with {@code encoding="base64"}.
     */
    static void content(Element complex, byte[] data, String mimeType) {
        if (isText(mimeType)) {
            complex.appendChild(complex.getOwnerDocument().createCDATASection(
                    new String(data, StandardCharsets.UTF_8)));
        } else {
            complex.setAttribute("encoding", "base64");
            complex.setTextContent(Base64.getEncoder().encodeToString(data));
        }
    }

    /** Text media types: CSV, JSON, XML and {@code text/*}; images, GeoTIFF, GeoPackage and zip are binary. */
    static boolean isText(String mimeType) {
        if (mimeType == null) {
            return false;
        }
        String m = mimeType.toLowerCase(Locale.ROOT);
        return m.startsWith("text/") || m.contains("json") || m.contains("xml") || m.contains("csv");
    }

    private static void outputDefinition(Element output, WpsRequest.OutputDefinition o) {
        setIfPresent(output, "mimeType", o.mimeType());
        Xml.add(output, Xml.OWS, "ows:Identifier", o.identifier());
    }

    private static void setIfPresent(Element e, String name, String value) {
        if (value != null) {
            e.setAttribute(name, value);
        }
    }
}
