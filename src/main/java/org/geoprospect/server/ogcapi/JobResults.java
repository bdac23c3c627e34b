package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobError;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.jobs.JobOutputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a job's results are answered with, the same after a synchronous execution and at
 * {@code /jobs/{id}/results}: for a successful job the results document (results.yaml: a literal output by value,
 * typed by its description ({@link LiteralValues}), a file as a link {@code {"href", "type", "layer"}} to
 * {@code /jobs/{id}/outputs/{output}} with the layer it was published as) or, for a raw response, the one output's
 * content, or several outputs as the parts of a multipart/related answer (RFC 2387; each part's Content-ID names
 * its output); for a failed job the problem its error stands for (400 for bad input, else 500), naming the job;
 * for one still running, "result not ready". Output files are served from the job's folder only.
 */
final class JobResults {
    static final String NO_SUCH_JOB = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";
    static final String RESULT_NOT_READY =
            "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready";
    private static final String TEXT_TYPE = "text/plain; charset=utf-8";
    private static final String JSON_TYPE = "application/json";

    private final JobManager jobs;
    private final ProcessRegistry processes;

    /** @param processes the processes offered, whose descriptions type the literal outputs */
    JobResults(JobManager jobs, ProcessRegistry processes) {
        this.jobs = jobs;
        this.processes = processes;
    }

    /** Answers with the job's results as its request selected them. */
    void respond(Context ctx, Job job, OutputSelection selection, ServerLinks links) throws IOException {
        if (!ready(ctx, job)) {
            return;
        }
        if (selection.raw() && selection.outputs().size() == 1) {
            respondOutput(ctx, job, selection.outputs().get(0));
            return;
        }
        if (selection.raw()) {
            respondParts(ctx, job, selection);
            return;
        }
        ObjectNode results = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JobOutputs.Output> e : job.outputs().outputs().entrySet()) {
            JobOutputs.Output output = e.getValue();
            if (!selection.selects(e.getKey())) {
                continue;
            }
            if (output.isFile()) {
                ObjectNode link = results.putObject(e.getKey());
                link.put("href", links.href("/jobs/" + job.id() + "/outputs/" + e.getKey()));
                link.put("type", output.mimeType());
                if (output.layer() != null) {
                    link.put("layer", output.layer());
                }
            } else {
                results.set(e.getKey(), literal(job, e.getKey(), output));
            }
        }
        Json.send(ctx, results);
    }

    /** Answers with the selected outputs the job made, one part each. */
    private void respondParts(Context ctx, Job job, OutputSelection selection) throws IOException {
        Map<String, JobOutputs.Output> parts = new LinkedHashMap<>(job.outputs().outputs());
        parts.keySet().removeIf(id -> !selection.selects(id));
        Map<String, Path> files = new HashMap<>(); // every file checked before any is opened
        for (Map.Entry<String, JobOutputs.Output> e : parts.entrySet()) {
            if (e.getValue().isFile()) {
                files.put(e.getKey(), file(job, e.getKey(), e.getValue()));
            }
        }
        MultipartBody body = new MultipartBody();
        for (Map.Entry<String, JobOutputs.Output> e : parts.entrySet()) {
            JobOutputs.Output output = e.getValue();
            if (output.isFile()) {
                body.add(e.getKey(), mediaType(output), Files.newInputStream(files.get(e.getKey())));
            } else {
                JsonNode value = literal(job, e.getKey(), output);
                body.add(e.getKey(), value.isTextual() ? TEXT_TYPE : JSON_TYPE, new ByteArrayInputStream(
                        (value.isTextual() ? value.textValue() : value.toString()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        ctx.contentType(body.mediaType()).result(body.stream());
    }

    /** Answers with one output's content: a file with its media type, a literal as text or, typed, as JSON. */
    void respondOutput(Context ctx, Job job, String outputId) throws IOException {
        if (!ready(ctx, job)) {
            return;
        }
        JobOutputs.Output output = job.outputs().outputs().get(outputId);
        if (output == null) {
            throw new Problem.NotFoundException("job " + job.id() + " has no output '" + outputId + "'");
        }
        if (!output.isFile()) {
            JsonNode value = literal(job, outputId, output);
            if (value.isTextual()) {
                ctx.contentType(TEXT_TYPE).result(value.textValue());
            } else {
                Json.send(ctx, value);
            }
            return;
        }
        Path file = file(job, outputId, output);
        ctx.header("Content-Disposition", "inline; filename=\"" + file.getFileName() + "\"");
        ctx.contentType(mediaType(output));
        ctx.result(Files.newInputStream(file));
    }

    /** @throws Problem.NotFoundException when the file is gone or lies outside the job's folder */
    private Path file(Job job, String outputId, JobOutputs.Output output) throws IOException {
        Path folder = jobs.folder(job.id());
        Path file = folder.resolve(output.file()).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(folder.toRealPath())) { // no way out, not even by a link
            throw new Problem.NotFoundException("output '" + outputId + "' of job " + job.id() + " is gone");
        }
        return file;
    }

    private static String mediaType(JobOutputs.Output file) {
        return file.mimeType() == null ? "application/octet-stream" : file.mimeType();
    }

    /** @return a literal output's value, typed by its description while its process is offered */
    private JsonNode literal(Job job, String outputId, JobOutputs.Output output) {
        OutputDescription d = processes.get(job.processId()).flatMap(p -> p.description().output(outputId))
                .orElse(null);
        return LiteralValues.json(d, output.value());
    }

    /**
     * @return true for a successful job; false when the failed job's problem has been answered
     * @throws Problem.NotFoundException for a job still running, or dismissed
     */
    private static boolean ready(Context ctx, Job job) {
        switch (job.status()) {
            case ACCEPTED, RUNNING -> throw new Problem.NotFoundException(RESULT_NOT_READY, "job " + job.id()
                    + " is " + job.status().code() + " (" + job.progress() + " %); its results are not ready");
            case DISMISSED -> throw new Problem.NotFoundException(NO_SUCH_JOB, "job " + job.id()
                    + " was dismissed");
            case FAILED -> {
                respondFailure(ctx, job);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private static void respondFailure(Context ctx, Job job) {
        JobError error = job.error() == null ? new JobError("NoApplicableCode", null, job.message())
                : JobError.fromJson(job.error());
        ObjectNode problem;
        if (error.code().equals("InvalidParameterValue")) {
            problem = Problem.document(400, Problem.INVALID_PARAMETER, error.locator() == null ? "Bad request"
                    : "Bad input '" + error.locator() + "'", error.message());
        } else {
            problem = Problem.document(500, "about:blank", "Execution failed", error.message());
        }
        problem.put("jobID", job.id());
        if (error.locator() != null) {
            problem.put("locator", error.locator());
        }
        Problem.respond(ctx, problem);
    }
}
