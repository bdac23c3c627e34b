package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobStatus;

import java.time.Instant;
import java.util.stream.Stream;

/**
 * A job as OGC API – Processes' statusInfo document (statusInfo.yaml): identifiers, status, message, progress and
 * times, with the warnings of a successful job and links to itself, the job list and, once it has ended, its
 * results.
 */
final class StatusInfo {
    static final String RESULTS_REL = "http://www.opengis.net/def/rel/ogc/1.0/results";
    static final String JOB_LIST_REL = "http://www.opengis.net/def/rel/ogc/1.0/job-list";
    /** The member of a job's outputs JSON that holds its warnings rather than an output. */
    static final String WARNINGS = "_warnings";

    private StatusInfo() {
    }

    static ObjectNode of(Job job, ServerLinks links) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("jobID", job.id());
        s.put("processID", job.processId());
        s.put("type", "process");
        s.put("status", job.status().code());
        s.put("message", job.message());
        s.put("progress", job.progress());
        s.put("created", job.created().toString());
        if (job.started() != null) {
            s.put("started", job.started().toString());
        }
        if (job.finished() != null) {
            s.put("finished", job.finished().toString());
        }
        s.put("updated", Stream.of(job.created(), job.started(), job.finished()).filter(t -> t != null)
                .max(Instant::compareTo).orElseThrow().toString());
        JsonNode warnings = outputs(job).path(WARNINGS);
        if (warnings.isArray()) {
            s.set("warnings", warnings);
        }
        ArrayNode l = s.putArray("links");
        String path = "/jobs/" + job.id();
        links.add(l, "self", "application/json", "this job's status", path);
        links.add(l, JOB_LIST_REL, "application/json", "the job list", "/jobs");
        if (job.status() == JobStatus.SUCCESSFUL || job.status() == JobStatus.FAILED) {
            links.add(l, RESULTS_REL, "application/json", "the job's results", path + "/results");
        }
        return s;
    }

    /** @return a job's outputs as JSON, empty until it succeeds */
    static JsonNode outputs(Job job) {
        if (job.outputs() == null) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(job.outputs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id() + " has unreadable outputs: " + e.getMessage(), e);
        }
    }
}
