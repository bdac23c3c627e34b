package org.geoprospect.server.jobs;

import java.time.Duration;

/**
 * How much work the server takes on, as GeoServer's WPS settings do: executions at once (synchronous and
 * asynchronous counted apart, since a synchronous client holds a connection open), asynchronous jobs waiting,
 * the longest an execution may run, and how long finished jobs and their results are kept.
 *
 * @param maxSync      synchronous executions at once; more are refused as busy
 * @param maxAsync     asynchronous executions at once
 * @param queueLength  asynchronous jobs waiting for a slot; more are refused as busy
 * @param maxSyncTime  a synchronous execution running longer is cancelled and fails
 * @param maxAsyncTime the same for an asynchronous one
 * @param resultTtl    finished jobs, their results and files are deleted this long after they end
 */
public record JobLimits(int maxSync, int maxAsync, int queueLength, Duration maxSyncTime, Duration maxAsyncTime,
                        Duration resultTtl) {
    /** Safe for a two-core machine: trainModel takes every core it gets. */
    public static final JobLimits DEFAULT = new JobLimits(2, 1, 20, Duration.ofMinutes(10), Duration.ofHours(12),
            Duration.ofDays(7));

    public JobLimits {
        if (maxSync < 1 || maxAsync < 1 || queueLength < 0) {
            throw new IllegalArgumentException("at least one synchronous and one asynchronous execution, and a "
                    + "queue of zero or more, are needed");
        }
    }
}
