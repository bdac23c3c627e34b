package org.geoprospect.server.wms;

import org.geoprospect.server.layers.BoundingBoxes;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.server.layers.MapRequest;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The WMS 1.3.0 capabilities document ({@code capabilities_1_3_0.xsd}): the service, its two operations at
 * {@code href}, and one root layer holding a layer per raster, with its geographic extent and its box in CRS:84 and
 * in its own CRS. A raster whose CRS this server cannot transform is left out (it could not be drawn).
 */
final class CapabilitiesDocument {
    static final String WMS = "http://www.opengis.net/wms";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    /** CRSs every layer is offered in; each layer's own is added. */
    private static final List<String> COMMON_CRS = List.of("CRS:84", "EPSG:4326", "EPSG:3857");

    /** A raster as the document lists it. */
    private record Entry(Layer layer, double[] bbox84, WmsCrs crs) {
    }

    private CapabilitiesDocument() {
    }

    /** @param href the service's URL as the client reached it, e.g. {@code http://host:8080/wms} */
    static byte[] of(List<Layer> rasters, String href) {
        List<Entry> entries = new ArrayList<>();
        for (Layer layer : rasters) {
            double[] bbox84 = BoundingBoxes.crs84(layer);
            if (bbox84 != null) {
                entries.add(new Entry(layer, bbox84, WmsCrs.parse(layer.crs())));
            }
        }
        return WmsXml.write(w -> {
            w.writeStartElement("WMS_Capabilities");
            w.writeDefaultNamespace(WMS);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", WmsXml.XSI);
            w.writeAttribute("version", "1.3.0");
            w.writeAttribute(WmsXml.XSI, "schemaLocation", WMS
                    + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
            service(w, href);
            w.writeStartElement("Capability");
            w.writeStartElement("Request");
            operation(w, "GetCapabilities", "text/xml", href);
            operation(w, "GetMap", GetMapRequest.PNG, href);
            w.writeEndElement();
            w.writeStartElement("Exception");
            WmsXml.element(w, "Format", "XML");
            w.writeEndElement();
            root(w, entries);
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private static void service(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeStartElement("Service");
        WmsXml.element(w, "Name", "WMS");
        WmsXml.element(w, "Title", "geoprospect");
        WmsXml.element(w, "Abstract", "Published rasters of geoprospect (prospectivity probability, element "
                + "grids) drawn on the viridis ramp");
        onlineResource(w, href);
        WmsXml.element(w, "LayerLimit", "1");
        WmsXml.element(w, "MaxWidth", Integer.toString(MapRequest.MAX_SIZE));
        WmsXml.element(w, "MaxHeight", Integer.toString(MapRequest.MAX_SIZE));
        w.writeEndElement();
    }

    private static void operation(XMLStreamWriter w, String name, String format, String href)
            throws XMLStreamException {
        w.writeStartElement(name);
        WmsXml.element(w, "Format", format);
        w.writeStartElement("DCPType");
        w.writeStartElement("HTTP");
        w.writeStartElement("Get");
        // clients append the parameters to it, so it ends in '?' (WMS 1.3.0, 6.3.3)
        onlineResource(w, href + "?");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void root(XMLStreamWriter w, List<Entry> entries) throws XMLStreamException {
        w.writeStartElement("Layer");
        WmsXml.element(w, "Title", "geoprospect rasters");
        Set<String> crss = new LinkedHashSet<>(COMMON_CRS);
        double[] all = entries.isEmpty() ? new double[] {-180, -90, 180, 90} : entries.get(0).bbox84().clone();
        for (Entry e : entries) {
            crss.add(e.crs().code());
            all[0] = Math.min(all[0], e.bbox84()[0]);
            all[1] = Math.min(all[1], e.bbox84()[1]);
            all[2] = Math.max(all[2], e.bbox84()[2]);
            all[3] = Math.max(all[3], e.bbox84()[3]);
        }
        for (String crs : crss) {
            WmsXml.element(w, "CRS", crs);
        }
        geographic(w, all);
        for (Entry e : entries) {
            layer(w, e);
        }
        w.writeEndElement();
    }

    private static void layer(XMLStreamWriter w, Entry e) throws XMLStreamException {
        w.writeStartElement("Layer");
        w.writeAttribute("queryable", "0");
        WmsXml.element(w, "Name", e.layer().name());
        WmsXml.element(w, "Title", e.layer().title() == null ? e.layer().name() : e.layer().title());
        geographic(w, e.bbox84());
        box(w, WmsCrs.CRS84, e.bbox84());
        if (!e.crs().code().equals(WmsCrs.CRS84.code())) {
            box(w, e.crs(), e.layer().bbox());
        }
        w.writeStartElement("Style");
        WmsXml.element(w, "Name", "default");
        WmsXml.element(w, "Title", "viridis: 0 to 1, or the 2nd to 98th percentile of other values");
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void geographic(XMLStreamWriter w, double[] b) throws XMLStreamException {
        w.writeStartElement("EX_GeographicBoundingBox");
        WmsXml.element(w, "westBoundLongitude", Double.toString(b[0]));
        WmsXml.element(w, "eastBoundLongitude", Double.toString(b[2]));
        WmsXml.element(w, "southBoundLatitude", Double.toString(b[1]));
        WmsXml.element(w, "northBoundLatitude", Double.toString(b[3]));
        w.writeEndElement();
    }

    /** A BoundingBox in the axis order of its CRS. */
    private static void box(XMLStreamWriter w, WmsCrs crs, double[] xy) throws XMLStreamException {
        double[] b = crs.axisOrder(xy);
        w.writeEmptyElement("BoundingBox");
        w.writeAttribute("CRS", crs.code());
        w.writeAttribute("minx", Double.toString(b[0]));
        w.writeAttribute("miny", Double.toString(b[1]));
        w.writeAttribute("maxx", Double.toString(b[2]));
        w.writeAttribute("maxy", Double.toString(b[3]));
    }

    private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeEmptyElement("OnlineResource");
        w.writeAttribute(XLINK, "type", "simple");
        w.writeAttribute(XLINK, "href", href);
    }
}
