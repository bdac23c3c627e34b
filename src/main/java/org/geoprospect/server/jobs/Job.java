package org.geoprospect.server.jobs;

import java.time.Instant;

/**
 * One execution of a process, as the job store keeps it. Immutable; the {@code with…} methods return changed
 * copies.
 *
 * @param id        the job's identifier (a UUID)
 * @param owner     who created it: a user's name, {@code admin} or {@code anonymous}; only the owner and the admin
 *                  list and dismiss it
 * @param processId the process it runs
 * @param status    where it stands
 * @param progress  percent done, 0–100
 * @param message   what it is doing, or why it failed
 * @param created   when it was submitted
 * @param started   when it started running, or null
 * @param finished  when it ended, or null
 * @param inputs    the request's inputs, as JSON
 * @param outputs   its outputs, or null until it succeeds
 * @param error     the error as JSON {@code {"code", "locator", "message"}}, or null unless it failed
 */
public record Job(String id, String owner, String processId, JobStatus status, int progress, String message, Instant created,
                  Instant started, Instant finished, String inputs, JobOutputs outputs, String error) {

    public Job withProgress(int percent, String newMessage) {
        return new Job(id, owner, processId, status, percent, newMessage, created, started, finished, inputs, outputs, error);
    }

    public Job running(Instant at) {
        return new Job(id, owner, processId, JobStatus.RUNNING, progress, message, created, at, finished, inputs, outputs,
                error);
    }

    public Job succeeded(Instant at, JobOutputs results) {
        return new Job(id, owner, processId, JobStatus.SUCCESSFUL, 100, "done", created, started, at, inputs, results,
                null);
    }

    public Job failed(Instant at, String newMessage, String errorJson) {
        return new Job(id, owner, processId, JobStatus.FAILED, progress, newMessage, created, started, at, inputs, null,
                errorJson);
    }

    public Job dismissed(Instant at) {
        return new Job(id, owner, processId, JobStatus.DISMISSED, progress, "dismissed", created, started,
                finished != null ? finished : at, inputs, outputs, error);
    }
}
