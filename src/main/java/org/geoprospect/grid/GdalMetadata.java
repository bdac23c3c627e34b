package org.geoprospect.grid;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDAL's metadata, as GDAL keeps it in the GeoTIFF tag GDAL_METADATA (42112): {@code <GDALMetadata>} with
 * {@code <Item name="…">} elements. Items without {@code sample} are dataset metadata; items with
 * {@code sample="i"} (0-based) belong to band i, where {@code role="description"} is the band's description (its
 * name here) and {@code role="unittype"} its unit (band metadata key {@code unit}). Items of other metadata domains
 * are not this project's and are ignored. GDAL escapes item values twice (it XML-escapes the value, then serialises
 * the XML), so {@code a & b} is stored as {@code a &amp;amp; b}; this class does the same both ways, so that GDAL
 * and this reader see the same text.
 *
 * @param dataset      dataset metadata items
 * @param descriptions band descriptions, null where a band has none
 * @param bands        each band's metadata items
 */
record GdalMetadata(Map<String, String> dataset, List<String> descriptions, List<Map<String, String>> bands) {
    /** The band metadata key GDAL's unit type is kept under. */
    static final String UNIT = "unit";
    private static final Pattern XML_REFERENCE = Pattern.compile("&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]{1,6}|#[0-9]{1,7});");

    /** The XML for a raster's metadata. Non-ASCII characters become character references: the tag is 7-bit ASCII. */
    static String toXml(Map<String, String> dataset, List<Band> bands) {
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        dataset.forEach((k, v) -> item(xml, k, null, null, v));
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            item(xml, "DESCRIPTION", i, "description", band.name());
            if (band.metadata().containsKey(UNIT)) {
                item(xml, "UNITTYPE", i, "unittype", band.metadata().get(UNIT));
            }
            for (Map.Entry<String, String> e : band.metadata().entrySet()) {
                item(xml, e.getKey(), i, null, e.getValue());
            }
        }
        return xml.append("</GDALMetadata>").toString();
    }

    private static void item(StringBuilder xml, String name, Integer sample, String role, String value) {
        xml.append("  <Item name=\"").append(escape(name)).append('"');
        if (sample != null) {
            xml.append(" sample=\"").append(sample).append('"');
        }
        if (role != null) {
            xml.append(" role=\"").append(role).append('"');
        }
        xml.append('>').append(escape(escapeEntities(value))).append("</Item>\n");
    }

    /** Escapes XML's special characters and, because the tag is 7-bit, everything else outside printable ASCII. */
    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        escapeEntities(text).codePoints().forEach(c -> {
            if (c < 0x80 && (c >= 0x20 || c == '\n' || c == '\t')) {
                s.append((char) c);
            } else {
                s.append("&#").append(c).append(';');
            }
        });
        return s.toString();
    }

    private static String escapeEntities(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Undoes GDAL's own escaping of a value (CPLUnescapeString with CPLES_XML). */
    private static String unescape(String text) {
        return XML_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> Character.toString(m.group(1).startsWith("#x")
                    ? Integer.parseInt(m.group(1).substring(2), 16) : Integer.parseInt(m.group(1).substring(1)));
        }));
    }

    /**
     * Parses GDAL_METADATA for a raster of {@code bandCount} bands; null or empty text gives empty metadata.
     *
     * @throws IllegalArgumentException when the text is not well-formed XML
     */
    static GdalMetadata parse(String xml, int bandCount) {
        Map<String, String> dataset = new LinkedHashMap<>();
        List<String> descriptions = new ArrayList<>(Collections.nCopies(bandCount, null));
        List<Map<String, String>> bands = new ArrayList<>();
        for (int i = 0; i < bandCount; i++) {
            bands.add(new LinkedHashMap<>());
        }
        if (xml != null && !xml.isBlank()) {
            NodeList items = parseXml(xml).getElementsByTagName("Item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                if (!item.getAttribute("domain").isEmpty()) {
                    continue;
                }
                String name = item.getAttribute("name");
                String value = unescape(item.getTextContent());
                if (item.getAttribute("sample").isEmpty()) {
                    dataset.put(name, value);
                    continue;
                }
                int sample = Integer.parseInt(item.getAttribute("sample").strip());
                if (sample < 0 || sample >= bandCount) {
                    continue; // GDAL also ignores items of bands the file does not have
                }
                switch (item.getAttribute("role")) {
                    case "description" -> descriptions.set(sample, value);
                    case "unittype" -> bands.get(sample).put(UNIT, value);
                    case "" -> bands.get(sample).put(name, value);
                    default -> bands.get(sample).put(item.getAttribute("role"), value);
                }
            }
        }
        return new GdalMetadata(dataset, descriptions, bands);
    }

    private static Element parseXml(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("GDAL_METADATA is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
