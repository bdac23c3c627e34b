package org.geoprospect.process;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.learn.NetworkArchitecture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessDescriptionsTest {

    @Test
    void describesTheFourProcessesOfTheMethodAndAllAreOffered() {
        assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"),
                List.copyOf(ProcessDescriptions.all().keySet()));
        assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"),
                List.copyOf(ProcessRegistry.standard().all().keySet()));
    }

    @Test
    void classPathCopyIsTheTopLevelFile() throws IOException {
        // the build copies wps-processes.xml into the jar: both must be the same document
        byte[] top = Files.readAllBytes(Path.of("wps-processes.xml"));
        try (var in = ProcessDescriptions.class.getResourceAsStream(ProcessDescriptions.RESOURCE)) {
            assertEquals(new String(top, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void trainModelOffersEveryNetwork() {
        // every host (CLI, OGC API, WPS, GeoServer) checks the network against this list, not against the enum
        assertEquals(Arrays.stream(NetworkArchitecture.values()).map(NetworkArchitecture::id).toList(),
                ProcessDescriptions.get("trainModel").input("network").orElseThrow().allowedValues());
    }

    @Test
    void interpolateInputsCarryTypesDefaultsRangesAndMultiplicity() {
        ProcessDescription d = ProcessDescriptions.get("interpolate");
        InputDescription samples = d.input("samples").orElseThrow();
        assertTrue(samples.isComplex());
        assertEquals(1, samples.minOccurs());
        assertEquals("text/csv", samples.formats().get(0).mimeType());
        InputDescription power = d.input("power").orElseThrow();
        assertEquals("double", power.dataType());
        assertEquals("2", power.defaultValue());
        assertFalse(power.range().contains(0));
        assertTrue(power.range().contains(10));
        InputDescription elements = d.input("elements").orElseThrow();
        assertTrue(elements.isList());
        assertEquals(List.of("zscore", "minmax", "none"), d.input("normalize").orElseThrow().allowedValues());
        assertEquals("grid.tif", d.output("grid").orElseThrow().fileName());
        assertEquals(ProcessDescription.CliOut.FILE, d.cliOut());
        assertEquals(ProcessDescription.CliOut.DIRECTORY, ProcessDescriptions.get("selectElements").cliOut());
        assertEquals(ProcessDescription.CliOut.NONE, ProcessDescriptions.get("trainModel").cliOut());
    }

    @Test
    void inputsAreCheckedAgainstTheDescription() {
        ProcessDescription d = ProcessDescriptions.get("interpolate");
        var ok = ProcessInputs.of(d, Map.of("samples", List.of("a.csv"), "elements", List.of("Au, Ag,Cu"),
                "cellSize", List.of("100")));
        assertEquals(List.of("Au", "Ag", "Cu"), ok.strings("elements"));
        assertEquals(12, ok.integer("neighbours"));
        assertEquals("zscore", ok.require("normalize"));
        assertFalse(ok.bool("log"));
        ProcessDescription predict = ProcessDescriptions.get("predictTargets");
        var tiles = ProcessInputs.of(predict, Map.of("grid", List.of("g.tif"), "model", List.of("m-v1")));
        assertEquals("12x12", tiles.require("tiles"), "the group's default, as no member is given");
        assertEquals(0.5, tiles.number("threshold").getAsDouble());
        var dense = ProcessInputs.of(predict, Map.of("grid", List.of("g.tif"), "model", List.of("m-v1"),
                "stride", List.of("4"), "topArea", List.of("0.1")));
        assertTrue(dense.string("tiles").isEmpty(), "no tiles default beside a stride");
        assertTrue(dense.number("threshold").isEmpty(), "no threshold default beside a top area");

        assertMessage("needs input 'samples'", () -> ProcessInputs.of(d, Map.of("elements", List.of("Au"))));
        assertMessage("has no input 'colour'", () -> ProcessInputs.of(d, Map.of("samples", List.of("a.csv"),
                "elements", List.of("Au"), "colour", List.of("red"))));
        assertMessage("needs one of the inputs ['cellSize', 'size']", () -> ProcessInputs.of(d,
                Map.of("samples", List.of("a.csv"), "elements", List.of("Au"))));
        assertMessage("inputs 'cellSize' and 'size' exclude each other", () -> ProcessInputs.of(d,
                Map.of("samples", List.of("a.csv"), "elements", List.of("Au"), "cellSize", List.of("100"),
                        "size", List.of("4x4"))));
        assertMessage("outside the allowed range", () -> ProcessInputs.of(d, Map.of("samples", List.of("a.csv"),
                "elements", List.of("Au"), "size", List.of("4x4"), "power", List.of("-1"))));
        assertMessage("not an integer", () -> ProcessInputs.of(d, Map.of("samples", List.of("a.csv"),
                "elements", List.of("Au"), "size", List.of("4x4"), "neighbours", List.of("many"))));
        assertMessage("not one of", () -> ProcessInputs.of(d, Map.of("samples", List.of("a.csv"),
                "elements", List.of("Au"), "size", List.of("4x4"), "normalize", List.of("robust"))));
        assertMessage("not true or false", () -> ProcessInputs.of(d, Map.of("samples", List.of("a.csv"),
                "elements", List.of("Au"), "size", List.of("4x4"), "log", List.of("yes please"))));
    }

    @Test
    void readsBoundingBoxesAndArrayValues() throws IOException {
        String doc = "<wps:ProcessDescriptions xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<ProcessDescription wps:processVersion=\"1\"><ows:Identifier>p</ows:Identifier><DataInputs>"
                + "<Input minOccurs=\"0\" maxOccurs=\"1\"><ows:Identifier>box</ows:Identifier><BoundingBoxData>"
                + "<Default><CRS>urn:ogc:def:crs:OGC:1.3:CRS84</CRS></Default><Supported>"
                + "<CRS>urn:ogc:def:crs:OGC:1.3:CRS84</CRS></Supported></BoundingBoxData></Input>"
                + "<Input minOccurs=\"0\" maxOccurs=\"3\"><ows:Identifier>n</ows:Identifier>"
                + "<ows:Metadata xlink:role=\"urn:geoprospect:array\"/><LiteralData>"
                + "<ows:DataType>integer</ows:DataType><ows:AnyValue/></LiteralData></Input></DataInputs>"
                + "<ProcessOutputs><Output><ows:Identifier>box</ows:Identifier><BoundingBoxOutput/></Output>"
                + "<Output><ows:Identifier>n</ows:Identifier><ows:Metadata xlink:role=\"urn:geoprospect:array\"/>"
                + "<LiteralOutput><ows:DataType>integer</ows:DataType></LiteralOutput></Output></ProcessOutputs>"
                + "</ProcessDescription></wps:ProcessDescriptions>";
        ProcessDescription d = ProcessDescriptions.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))
                .get("p");
        InputDescription box = d.input("box").orElseThrow();
        assertTrue(box.isBoundingBox() && !box.isComplex() && !box.array());
        assertTrue(d.output("box").orElseThrow().isBoundingBox());
        assertTrue(d.input("n").orElseThrow().array());
        assertTrue(d.output("n").orElseThrow().array());
        assertFalse(ProcessDescriptions.get("interpolate").input("elements").orElseThrow().array());

        var given = ProcessInputs.of(d, Map.of("box", List.of("51.9, 7,52,7.1,urn:ogc:def:crs:OGC:1.3:CRS84")));
        BoundingBox parsed = BoundingBox.parse("box", given.require("box"));
        assertEquals(List.of(51.9, 7.0, 52.0, 7.1), parsed.coordinates());
        assertEquals("urn:ogc:def:crs:OGC:1.3:CRS84", parsed.crs());
        assertEquals("51.9,7,52,7.1,urn:ogc:def:crs:OGC:1.3:CRS84", parsed.toString());
        assertEquals("1,2,3,4,5,6", BoundingBox.parse("box", "1,2,3,4,5,6").toString());
        for (String bad : List.of("1,2,3", "1,2,3,4,5", "1,2,x,4", "1,2,3,NaN", "EPSG:4326", "1,2,3,4,")) {
            assertMessage("no bounding box", () -> ProcessInputs.of(d, Map.of("box", List.of(bad))));
        }
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<wps:ProcessDescriptions xmlns:wps=\"http://www.opengis.net/wps/1.0.0\">&e;"
                + "</wps:ProcessDescriptions>";
        assertThrows(IOException.class, () -> ProcessDescriptions.parse(
                new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        InvalidInputException x = assertThrows(InvalidInputException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
