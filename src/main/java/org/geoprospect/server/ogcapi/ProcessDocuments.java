package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.server.execution.ProcessExecution;

import java.util.List;

/**
 * A process as OGC API – Processes shows it: its summary in the process list (processSummary.yaml) and its full
 * description (process.yaml, conformance class ogc-process-description), inputs and outputs with the schemas of
 * {@link ValueSchemas}.
 */
final class ProcessDocuments {
    private static final String EXECUTE_REL = "http://www.opengis.net/def/rel/ogc/1.0/execute";

    private ProcessDocuments() {
    }

    static ObjectNode summary(ProcessDescription d, ServerLinks links) {
        ObjectNode p = header(d);
        p.set("links", links(d, links));
        return p;
    }

    static ObjectNode description(ProcessDescription d, ServerLinks links) {
        ObjectNode p = header(d);
        ObjectNode inputs = p.putObject("inputs");
        for (InputDescription i : d.inputs()) {
            ObjectNode in = inputs.putObject(i.identifier());
            in.put("title", i.title());
            in.put("description", i.abstractText());
            in.put("minOccurs", i.array() ? Math.min(1, i.minOccurs()) : i.minOccurs());
            in.put("maxOccurs", i.array() ? 1 : i.maxOccurs()); // the values' count is the array's
            in.set("schema", ValueSchemas.input(i));
        }
        ObjectNode outputs = p.putObject("outputs");
        for (OutputDescription o : d.outputs()) {
            ObjectNode out = outputs.putObject(o.identifier());
            out.put("title", o.title());
            out.put("description", o.abstractText());
            out.set("schema", ValueSchemas.output(o));
        }
        p.set("links", links(d, links));
        return p;
    }

    private static ObjectNode header(ProcessDescription d) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("id", d.identifier());
        p.put("title", d.title());
        p.put("description", d.abstractText());
        p.put("version", d.version());
        p.putArray("jobControlOptions").add("sync-execute").add("async-execute").add("dismiss");
        ArrayNode transmission = p.putArray("outputTransmission");
        if (d.outputs().stream().anyMatch(o -> !o.isComplex())) {
            transmission.add("value");
        }
        if (d.outputs().stream().anyMatch(OutputDescription::isComplex)) {
            transmission.add("reference"); // files are results by reference, /jobs/{id}/outputs/{output}
        }
        return p;
    }

    private static ArrayNode links(ProcessDescription d, ServerLinks links) {
        ArrayNode l = Json.MAPPER.createArrayNode();
        String path = "/processes/" + d.identifier();
        links.add(l, "self", "application/json", "the process description", path);
        links.add(l, EXECUTE_REL, "application/json", "execute the process", path + "/execution");
        return l;
    }
}
