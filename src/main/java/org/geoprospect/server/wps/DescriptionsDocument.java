package org.geoprospect.server.wps;

import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.server.http.OwsException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the WPS 1.0.0 DescribeProcess response from {@code wps-processes.xml} itself — the processes' one
 * description is already such a document — keeping the {@code ProcessDescription} elements asked for, in the
 * order asked. Thread-safe: each response parses its own copy (the file is small; DOM trees are not safe to share).
 */
final class DescriptionsDocument {
    private final byte[] resource;

    DescriptionsDocument() {
        try (InputStream in = ProcessDescriptions.class.getResourceAsStream(ProcessDescriptions.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ProcessDescriptions.RESOURCE + " is not on the class path");
            }
            resource = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ProcessDescriptions.RESOURCE, e);
        }
    }

    /**
     * @param identifiers processes that the document describes
     * @throws OwsException InvalidParameterValue (locator identifier) for one it does not describe
     */
    Document of(List<String> identifiers) {
        Element all = Xml.parse(resource).getDocumentElement();
        Map<String, Element> byId = new HashMap<>();
        for (Element p : Xml.children(all, null, "ProcessDescription")) {
            byId.put(Xml.text(p, Xml.OWS, "Identifier"), p);
        }
        Document doc = Xml.newDocument();
        Element root = (Element) doc.importNode(all, false); // keeps service, version, xml:lang, namespaces
        doc.appendChild(root);
        for (String id : identifiers) {
            Element p = byId.get(id);
            if (p == null) {
                throw OwsException.invalid("identifier", "no process '" + id + "'");
            }
            root.appendChild(doc.importNode(p, true));
        }
        return doc;
    }
}
