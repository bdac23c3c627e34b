package org.geoprospect.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.InvalidInputException;

/**
 * Why a job failed, in the terms both protocols report: an OGC exception code ({@code InvalidParameterValue} for
 * bad input, naming the input as locator; {@code NoApplicableCode} otherwise) and a message for people.
 *
 * @param code    OGC exception code
 * @param locator the input at fault, or null
 * @param message what went wrong
 */
public record JobError(String code, String locator, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The error a process's exception stands for. */
    public static JobError of(Throwable e) {
        if (e instanceof InvalidInputException invalid) {
            return new JobError("InvalidParameterValue", invalid.input(), invalid.getMessage());
        }
        if (e instanceof CancelledException) {
            return new JobError("NoApplicableCode", null, "cancelled");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new JobError("NoApplicableCode", null, message);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // three strings always serialise
        }
    }

    public static JobError fromJson(String json) {
        try {
            return JSON.readValue(json, JobError.class);
        } catch (JsonProcessingException e) {
            return new JobError("NoApplicableCode", null, json);
        }
    }
}
