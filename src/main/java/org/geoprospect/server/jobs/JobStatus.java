package org.geoprospect.server.jobs;

import java.util.Locale;

/** A job's state, named as OGC API – Processes' {@code statusCode} (WPS 1.0.0 maps them onto its own). */
public enum JobStatus {
    ACCEPTED, RUNNING, SUCCESSFUL, FAILED, DISMISSED;

    /** @return the OGC API – Processes code, e.g. {@code successful} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** @return whether the job has ended and will not change any more */
    public boolean finished() {
        return this == SUCCESSFUL || this == FAILED || this == DISMISSED;
    }
}
