package org.geoprospect.server.wps;

import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobError;
import org.geoprospect.server.jobs.JobOutputs;
import org.geoprospect.server.jobs.JobStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a job as a WPS 1.0.0 {@code wps:ExecuteResponse}: its status (accepted, started with percentCompleted,
 * succeeded, or failed with an ExceptionReport), the lineage when asked for, and on success the outputs in the
 * response form of the request — by reference ({@code {base}jobs/{id}/outputs/{output}}) or inline (text formats
 * as CDATA, binary ones base64, literals as LiteralData). Without output definitions every output is sent, files
 * by reference.
 */
final class ExecuteResponseDocument {

    private ExecuteResponseDocument() {
    }

    /**
     * @param base   this service's base URL as the client sees it, ending in {@code /}
     * @param folder the job's folder, where its output files are
     * @param now    the time of this document, for a job that is running
     */
    static Document of(Job job, ProcessDescription process, WpsRequest.Execute request, String base, Path folder,
                       Instant now) {
        Document doc = Xml.newDocument();
        Element root = Xml.wpsRoot(doc, "ExecuteResponse", "wpsExecute_response.xsd");
        root.setAttribute("serviceInstance", base + "wps?service=WPS&request=GetCapabilities&version="
                + WpsRequest.VERSION);
        if (request.store()) {
            root.setAttribute("statusLocation", statusLocation(base, job.id()));
        }
        Element brief = Xml.add(root, Xml.WPS, "wps:Process");
        brief.setAttributeNS(Xml.WPS, "wps:processVersion", process.version());
        CapabilitiesDocument.brief(brief, process);
        status(Xml.add(root, Xml.WPS, "wps:Status"), job, request, now);
        List<WpsRequest.OutputDefinition> definitions = definitions(request, process);
        if (request.lineage()) {
            if (!request.inputs().isEmpty()) {
                ExecuteRequestDocument.dataInputs(root, request.inputs());
            }
            ExecuteRequestDocument.outputs(Xml.add(root, Xml.WPS, "wps:OutputDefinitions"), definitions);
        }
        if (job.status() == JobStatus.SUCCESSFUL) {
            Element processOutputs = Xml.add(root, Xml.WPS, "wps:ProcessOutputs");
            for (WpsRequest.OutputDefinition d : definitions) {
                JobOutputs.Output value = job.outputs().outputs().get(d.identifier());
                if (value != null) {
                    output(processOutputs, process.output(d.identifier()).orElseThrow(), d, value, job.id(), base,
                            folder);
                }
            }
        }
        return doc;
    }

    /** @return where the ExecuteResponse of a stored job is kept up to date */
    static String statusLocation(String base, String jobId) {
        return base + "wps/status/" + jobId;
    }

    /** The output definitions asked for, or every output with files by reference. */
    static List<WpsRequest.OutputDefinition> definitions(WpsRequest.Execute request, ProcessDescription process) {
        if (!request.outputs().isEmpty()) {
            return request.outputs();
        }
        return process.outputs().stream().map(o -> new WpsRequest.OutputDefinition(o.identifier(), o.isComplex(),
                null)).toList();
    }

    private static void status(Element status, Job job, WpsRequest.Execute request, Instant now) {
        boolean followed = request.status() || !request.store(); // without status, a stored job reports its end
        switch (job.status()) {
            case ACCEPTED -> accepted(status, job);
            case RUNNING -> {
                if (followed) {
                    status.setAttribute("creationTime", now.toString());
                    Element started = Xml.add(status, Xml.WPS, "wps:ProcessStarted", job.message());
                    started.setAttribute("percentCompleted", String.valueOf(Math.min(99, job.progress())));
                } else {
                    accepted(status, job);
                }
            }
            case SUCCESSFUL -> {
                status.setAttribute("creationTime", job.finished().toString());
                List<String> warnings = job.outputs().warnings();
                Xml.add(status, Xml.WPS, "wps:ProcessSucceeded", warnings.isEmpty()
                        ? process(job) + " succeeded" : process(job) + " succeeded with warnings: "
                        + String.join("; ", warnings));
            }
            case FAILED, DISMISSED -> {
                status.setAttribute("creationTime", job.finished().toString());
                JobError error = job.status() == JobStatus.DISMISSED || job.error() == null
                        ? new JobError("NoApplicableCode", null, job.message()) : JobError.fromJson(job.error());
                ExceptionReport.append(Xml.add(status, Xml.WPS, "wps:ProcessFailed"), error.code(),
                        error.locator(), error.message());
            }
        }
    }

    private static void accepted(Element status, Job job) {
        status.setAttribute("creationTime", job.created().toString());
        Xml.add(status, Xml.WPS, "wps:ProcessAccepted", process(job) + " accepted");
    }

    private static String process(Job job) {
        return job.processId() + " job " + job.id();
    }

    private static void output(Element parent, OutputDescription description, WpsRequest.OutputDefinition d,
                               JobOutputs.Output value, String jobId, String base, Path folder) {
        Element output = Xml.add(parent, Xml.WPS, "wps:Output");
        Xml.add(output, Xml.OWS, "ows:Identifier", description.identifier());
        Xml.add(output, Xml.OWS, "ows:Title", description.title());
        if (description.abstractText() != null) {
            Xml.add(output, Xml.OWS, "ows:Abstract", description.abstractText());
        }
        if (!value.isFile()) {
            Element literal = Xml.add(Xml.add(output, Xml.WPS, "wps:Data"), Xml.WPS, "wps:LiteralData",
                    value.value());
            literal.setAttribute("dataType", description.dataType());
            return;
        }
        String mimeType = d.mimeType() != null ? d.mimeType() : value.mimeType();
        if (d.asReference()) {
            Element reference = Xml.add(output, Xml.WPS, "wps:Reference");
            reference.setAttribute("href", base + "jobs/" + jobId + "/outputs/" + description.identifier());
            reference.setAttribute("mimeType", mimeType);
            return;
        }
        Element complex = Xml.add(Xml.add(output, Xml.WPS, "wps:Data"), Xml.WPS, "wps:ComplexData");
        complex.setAttribute("mimeType", mimeType);
        Path file = folder.resolve(value.file());
        try {
            ExecuteRequestDocument.content(complex, Files.readAllBytes(file), mimeType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output " + file + ": " + e.getMessage(), e);
        }
    }
}
