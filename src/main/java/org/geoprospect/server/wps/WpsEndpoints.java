package org.geoprospect.server.wps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.http.Caller;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.OwsException;
import org.geoprospect.server.http.ServerLinks;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.jobs.JobOutputs;
import org.geoprospect.server.jobs.JobStatus;
import org.w3c.dom.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * WPS 1.0.0 at {@code /wps}: GetCapabilities, DescribeProcess and Execute as key-value pairs (GET) or XML documents
 * (POST), and {@code /wps/status/{jobId}}, the status location of a stored execution. An Execute runs in the
 * request's thread unless storeExecuteResponse is true; then it runs as a background job whose ExecuteResponse the
 * status location keeps current. Every error is answered as an ows:ExceptionReport, never as the server's problem
 * JSON. Links in responses use the host name and scheme the client used.
 */
public final class WpsEndpoints implements Endpoints {
    /** The request of a stored execution, kept in its job folder for the status location. */
    private static final String STORED_REQUEST = "wps-execute.xml";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The media type of every WPS answer. */
    public static final String XML = "text/xml; charset=UTF-8";

    private final ProcessService server;
    private final DescriptionsDocument descriptions = new DescriptionsDocument();

    public WpsEndpoints(ProcessService server) {
        this.server = server;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/wps", ctx -> answer(ctx, () -> KvpRequests.read(ctx.queryString(),
                id -> process(id).description())));
        routes.post("/wps", ctx -> answer(ctx, () -> XmlRequests.read(ctx.bodyAsBytes())));
        routes.get("/wps/status/{jobId}", this::status);
    }

    private void answer(Context ctx, Supplier<WpsRequest> read) {
        try {
            WpsRequest request = read.get();
            if (request instanceof WpsRequest.GetCapabilities) {
                xml(ctx, 200, CapabilitiesDocument.of(server.processes().all().values().stream()
                        .map(GeoProcess::description).toList(), base(ctx)));
            } else if (request instanceof WpsRequest.DescribeProcess describe) {
                List<String> ids = describe.all() ? List.copyOf(server.processes().all().keySet())
                        : describe.identifiers();
                ids.forEach(this::process);
                ctx.contentType(XML).result(Xml.bytes(descriptions.of(ids), false));
            } else {
                execute(ctx, (WpsRequest.Execute) request);
            }
        } catch (Exception e) {
            report(ctx, WpsExceptions.of(e));
        }
    }

    private void execute(Context ctx, WpsRequest.Execute request) throws IOException {
        GeoProcess process = process(request.identifier());
        ProcessDescription d = process.description();
        checkOutputs(request, d);
        ServerLinks links = ServerLinks.of(ctx, server.port().getAsInt()); // the work may run after this request has ended
        JobManager.Work work = server.execution().work(process, request.inputs(), links);
        String inputs = inputsJson(request.inputs());
        if (request.store()) {
            Job job = server.jobs().submit(Caller.of(ctx).owner(), d.identifier(), inputs, work);
            Path folder = server.jobs().folder(job.id());
            Files.write(folder.resolve(STORED_REQUEST), Xml.bytes(ExecuteRequestDocument.of(request,
                    request.lineage())));
            xml(ctx, 200, ExecuteResponseDocument.of(job, d, request, base(ctx), folder, Instant.now()));
            return;
        }
        Job job = server.jobs().run(Caller.of(ctx).owner(), d.identifier(), inputs, work);
        Path folder = server.jobs().folder(job.id());
        if (request.rawOutput() != null && job.status() == JobStatus.SUCCESSFUL) {
            raw(ctx, job, folder, request.rawOutput());
        } else { // a failed RawDataOutput execution, too, is answered with the document (wpsExecute_response.xsd)
            xml(ctx, 200, ExecuteResponseDocument.of(job, d, request, base(ctx), folder, Instant.now()));
        }
    }

    /** The status location: the current ExecuteResponse of a stored execution. */
    private void status(Context ctx) {
        try {
            String id = ctx.pathParam("jobId");
            Job job = server.jobs().get(id).orElseThrow(() -> new OwsException("NoApplicableCode", "jobId",
                    "there is no job " + id + "; finished jobs are deleted after "
                            + server.jobs().limits().resultTtl().toDays() + " days", 404));
            Path folder = server.jobs().folder(job.id());
            Path stored = folder.resolve(STORED_REQUEST);
            WpsRequest.Execute request = Files.exists(stored)
                    ? (WpsRequest.Execute) XmlRequests.read(Files.readAllBytes(stored))
                    // a job submitted through OGC API – Processes: every output, files by reference
                    : new WpsRequest.Execute(job.processId(), Map.of(), List.of(), null, true, true, false);
            xml(ctx, 200, ExecuteResponseDocument.of(job, process(job.processId()).description(), request,
                    base(ctx), folder, Instant.now()));
        } catch (Exception e) {
            report(ctx, WpsExceptions.of(e));
        }
    }

    /** RawDataOutput: the output itself as the body, with its media type; a literal as plain text. */
    private static void raw(Context ctx, Job job, Path folder, WpsRequest.OutputDefinition output)
            throws IOException {
        JobOutputs.Output value = job.outputs().outputs().get(output.identifier());
        if (value == null) {
            throw new OwsException("NoApplicableCode", output.identifier(), "the execution produced no output '"
                    + output.identifier() + "'", 500);
        }
        if (!value.isFile()) {
            ctx.contentType("text/plain; charset=UTF-8").result(value.value());
            return;
        }
        Path file = folder.resolve(value.file());
        ctx.contentType(output.mimeType() != null ? output.mimeType() : value.mimeType())
                .header("Content-Disposition", "inline; filename=\"" + file.getFileName() + "\"")
                .result(Files.newInputStream(file));
    }

    /** Outputs named in the response form must exist, in a format they come in. */
    private static void checkOutputs(WpsRequest.Execute request, ProcessDescription d) {
        List<WpsRequest.OutputDefinition> asked = request.rawOutput() != null ? List.of(request.rawOutput())
                : request.outputs();
        for (WpsRequest.OutputDefinition o : asked) {
            OutputDescription output = d.output(o.identifier()).orElseThrow(() -> OwsException.invalid(
                    o.identifier(), "process " + d.identifier() + " has no output '" + o.identifier()
                            + "'; its outputs are " + d.outputs().stream().map(OutputDescription::identifier)
                            .toList()));
            if (o.mimeType() != null && output.isComplex() && output.formats().stream()
                    .noneMatch(f -> f.mimeType().equalsIgnoreCase(o.mimeType()))) {
                throw OwsException.invalid(o.identifier(), "output '" + o.identifier() + "' comes as "
                        + output.formats().stream().map(f -> f.mimeType()).toList() + ", not " + o.mimeType());
            }
        }
    }

    private GeoProcess process(String identifier) {
        return server.processes().get(identifier).orElseThrow(() -> OwsException.invalid("identifier",
                "there is no process '" + identifier + "'; the processes are "
                        + server.processes().all().keySet()));
    }

    /** The job's record of its inputs; inline data is given by type and size (the data is in the job folder). */
    private static String inputsJson(Map<String, List<InputValue>> inputs) {
        ObjectNode json = JSON.createObjectNode();
        inputs.forEach((id, values) -> {
            ArrayNode array = JSON.createArrayNode();
            for (InputValue v : values) {
                if (v instanceof InputValue.Literal l) {
                    array.add(l.value());
                } else if (v instanceof InputValue.Reference r) {
                    array.addObject().put("href", r.href()).put("type", r.mimeType());
                } else if (v instanceof InputValue.Inline i) {
                    array.addObject().put("mediaType", i.mimeType()).put("size", i.data().length);
                }
            }
            json.set(id, array.size() == 1 ? array.get(0) : array);
        });
        return json.toString();
    }

    /** Whether a URL points at this server, as the client addressed it ({@code self}). */
    /** This server's base URL as the client sees it (behind a proxy too), ending in {@code /}. */
    private String base(Context ctx) {
        return ServerLinks.of(ctx, server.port().getAsInt()).href("/");
    }

    private static void xml(Context ctx, int status, Document doc) {
        ctx.status(status).contentType(XML).result(Xml.bytes(doc));
    }

    /** Answers an error raised outside the WPS handlers (e.g. the write guard's 401) as an ExceptionReport. */
    public static void answer(Context ctx, Exception e) {
        report(ctx, WpsExceptions.of(e));
    }

    /** The ExceptionReport an error raised outside Javalin (Jetty's own, e.g. a bad URI) stands for. */
    public static byte[] exceptionReport(Exception e) {
        return Xml.bytes(ExceptionReport.document(WpsExceptions.of(e)));
    }

    private static void report(Context ctx, OwsException e) {
        if (e.status() == 503) {
            ctx.header("Retry-After", "60");
        }
        xml(ctx, e.status(), ExceptionReport.document(e));
    }
}
