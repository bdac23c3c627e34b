package org.geoprospect.server.wps;

import org.geoprospect.process.ProcessDescription;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Collection;

/**
 * Writes the WPS 1.0.0 GetCapabilities response: the service, its provider, the operations at this request's own
 * address (so that links work through whatever host name the client used), every process offered, and the one
 * language.
 */
final class CapabilitiesDocument {
    private static final String TITLE = "geoprospect";
    private static final String ABSTRACT = "Mineral-exploration targets from stream-sediment geochemistry: element "
            + "grids interpolated from samples, element selection against known deposits, a convolutional network "
            + "trained on the grids, and predicted target areas.";

    private CapabilitiesDocument() {
    }

    /** @param base this service's base URL as the client sees it, ending in {@code /} */
    static Document of(Collection<ProcessDescription> processes, String base) {
        Document doc = Xml.newDocument();
        Element root = Xml.wpsRoot(doc, "Capabilities", "wpsGetCapabilities_response.xsd");

        Element identification = Xml.add(root, Xml.OWS, "ows:ServiceIdentification");
        Xml.add(identification, Xml.OWS, "ows:Title", TITLE);
        Xml.add(identification, Xml.OWS, "ows:Abstract", ABSTRACT);
        Xml.add(identification, Xml.OWS, "ows:ServiceType", "WPS");
        Xml.add(identification, Xml.OWS, "ows:ServiceTypeVersion", WpsRequest.VERSION);
        Xml.add(identification, Xml.OWS, "ows:Fees", "NONE");
        Xml.add(identification, Xml.OWS, "ows:AccessConstraints", "NONE");

        Element provider = Xml.add(root, Xml.OWS, "ows:ServiceProvider");
        Xml.add(provider, Xml.OWS, "ows:ProviderName", TITLE);
        Xml.add(provider, Xml.OWS, "ows:ProviderSite").setAttributeNS(Xml.XLINK, "xlink:href", base);
        Xml.add(provider, Xml.OWS, "ows:ServiceContact");

        Element operations = Xml.add(root, Xml.OWS, "ows:OperationsMetadata");
        for (String name : new String[] {"GetCapabilities", "DescribeProcess", "Execute"}) {
            Element operation = Xml.add(operations, Xml.OWS, "ows:Operation");
            operation.setAttribute("name", name);
            Element http = Xml.add(Xml.add(operation, Xml.OWS, "ows:DCP"), Xml.OWS, "ows:HTTP");
            Xml.add(http, Xml.OWS, "ows:Get").setAttributeNS(Xml.XLINK, "xlink:href", base + "wps?");
            Xml.add(http, Xml.OWS, "ows:Post").setAttributeNS(Xml.XLINK, "xlink:href", base + "wps");
        }

        Element offerings = Xml.add(root, Xml.WPS, "wps:ProcessOfferings");
        for (ProcessDescription p : processes) {
            Element process = Xml.add(offerings, Xml.WPS, "wps:Process");
            process.setAttributeNS(Xml.WPS, "wps:processVersion", p.version());
            brief(process, p);
        }

        Element languages = Xml.add(root, Xml.WPS, "wps:Languages");
        Xml.add(Xml.add(languages, Xml.WPS, "wps:Default"), Xml.OWS, "ows:Language", Xml.LANGUAGE);
        Element supported = Xml.add(languages, Xml.WPS, "wps:Supported");
        WpsRequest.LANGUAGES.forEach(l -> Xml.add(supported, Xml.OWS, "ows:Language", l));
        return doc;
    }

    /** Identifier, title and abstract of a process: its brief description, here and in an ExecuteResponse. */
    static void brief(Element parent, ProcessDescription p) {
        Xml.add(parent, Xml.OWS, "ows:Identifier", p.identifier());
        Xml.add(parent, Xml.OWS, "ows:Title", p.title());
        if (p.abstractText() != null) {
            Xml.add(parent, Xml.OWS, "ows:Abstract", p.abstractText());
        }
    }
}
