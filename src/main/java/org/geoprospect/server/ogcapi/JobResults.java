package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobError;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.jobs.JobOutputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a job's results are answered with, the same after a synchronous execution and at
 * {@code /jobs/{id}/results}: for a successful job the results document (results.yaml: a literal output by value,
 * a file as a link {@code {"href", "type", "layer"}} to {@code /jobs/{id}/outputs/{output}} with the layer it was
 * published as) or, for a raw response, the one output's content; for a failed job the problem its error stands
 * for (400 for bad input, else 500), naming the job; for one still running, "result not ready". Output files are
 * served from the job's folder only.
 */
final class JobResults {
    static final String NO_SUCH_JOB = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job";
    static final String RESULT_NOT_READY =
            "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready";

    private final JobManager jobs;

    JobResults(JobManager jobs) {
        this.jobs = jobs;
    }

    /** Answers with the job's results as its request selected them. */
    void respond(Context ctx, Job job, OutputSelection selection, ServerLinks links) throws IOException {
        if (!ready(ctx, job)) {
            return;
        }
        if (selection.raw()) {
            respondOutput(ctx, job, selection.outputs().get(0));
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
                results.put(e.getKey(), output.value());
            }
        }
        Json.send(ctx, results);
    }

    /** Answers with one output's content: a file with its media type, a literal as text. */
    void respondOutput(Context ctx, Job job, String outputId) throws IOException {
        if (!ready(ctx, job)) {
            return;
        }
        JobOutputs.Output output = job.outputs().outputs().get(outputId);
        if (output == null) {
            throw new Problem.NotFoundException("job " + job.id() + " has no output '" + outputId + "'");
        }
        if (!output.isFile()) {
            ctx.contentType("text/plain; charset=utf-8").result(output.value());
            return;
        }
        Path folder = jobs.folder(job.id());
        Path file = folder.resolve(output.file()).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(folder.toRealPath())) { // no way out, not even by a link
            throw new Problem.NotFoundException("output '" + outputId + "' of job " + job.id() + " is gone");
        }
        ctx.header("Content-Disposition", "inline; filename=\"" + file.getFileName() + "\"");
        ctx.contentType(output.mimeType() == null ? "application/octet-stream" : output.mimeType());
        ctx.result(Files.newInputStream(file));
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
