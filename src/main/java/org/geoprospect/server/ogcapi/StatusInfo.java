package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

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
        if (job.outputs() != null && !job.outputs().warnings().isEmpty()) {
            job.outputs().warnings().forEach(s.putArray("warnings")::add);
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
}
