/**
 * The native worker: a supervised child JVM that runs the processes using native deep-learning code (DJL,
 * libtorch) for a host, and owns the engine, the device and the model cache. {@link
 * org.geoprospect.worker.NativeWorker} is the host's side (a {@link org.geoprospect.process.ProcessRunner}), {@link
 * org.geoprospect.worker.WorkerMain} the worker's; they speak {@link org.geoprospect.worker.WorkerChannel}'s JSON
 * lines over a Unix-domain socket. A crash, a kill or a hang past cancellation fails the jobs in the worker, and the
 * next job starts a new one.
 */
package org.geoprospect.worker;
